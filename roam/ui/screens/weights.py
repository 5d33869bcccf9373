"""Page script run by st.navigation; the page itself lives in roam.ui.views.weights."""

from roam.ui.views.weights import render

render()
