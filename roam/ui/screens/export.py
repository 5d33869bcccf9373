"""Page script run by st.navigation; the page itself lives in roam.ui.views.export."""

from roam.ui.views.export import render

render()
