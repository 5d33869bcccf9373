"""Page script run by st.navigation; the page itself lives in roam.ui.views.overview."""

from roam.ui.views.overview import render

render()
