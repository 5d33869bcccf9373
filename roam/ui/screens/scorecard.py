"""Page script run by st.navigation; the page itself lives in roam.ui.views.scorecard."""

from roam.ui.views.scorecard import render

render()
