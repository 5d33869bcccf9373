"""Page script run by st.navigation; the page itself lives in roam.ui.views.users."""

from roam.ui.views.users import render

render()
