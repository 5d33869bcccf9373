"""Page script run by st.navigation; the page itself lives in roam.ui.views.compare."""

from roam.ui.views.compare import render

render()
