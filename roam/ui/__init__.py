"""Streamlit pages. The only part of roam that imports streamlit."""
