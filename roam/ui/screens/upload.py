"""Page script run by st.navigation; the page itself lives in roam.ui.views.upload."""

from roam.ui.views.upload import render

render()
