"""Streamlit entry point: `streamlit run app.py` (or `./dev app`)."""

from roam.ui.main import run

run()
