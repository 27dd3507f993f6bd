"""The aligngraph explorer: `streamlit run app.py` (a bundled sample), or
`streamlit run app.py -- okrs/` (your own files). All logic lives in aligngraph.ui."""

from pathlib import Path

from aligngraph.ui import main

main(samples_dir=Path(__file__).parent / "samples")
