"""Page script run by st.navigation; the page itself lives in roam.ui.views.history."""

from roam.ui.views.history import render

render()
