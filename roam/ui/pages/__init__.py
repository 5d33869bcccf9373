"""One module per page: `render()` draws it; run as a script (st.navigation), it draws itself."""
