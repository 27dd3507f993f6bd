"""The script `aligngraph app` hands to `streamlit run`: paths follow a `--`."""

from aligngraph.ui import main

main()
