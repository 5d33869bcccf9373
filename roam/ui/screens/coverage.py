"""Page script run by st.navigation; the page itself lives in roam.ui.views.coverage."""

from roam.ui.views.coverage import render

render()
