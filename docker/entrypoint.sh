#!/bin/sh
# The container's entry point: one image serves the command line and the explorer.
#
#   docker run IMAGE check /okrs               aligngraph check /okrs (any command works)
#   docker run -p 8501:8501 IMAGE app /okrs    the explorer, headless, on port 8501
#   docker run IMAGE                           aligngraph --help
#
# The explorer listens on $STREAMLIT_SERVER_ADDRESS (0.0.0.0 in the image) and on
# $STREAMLIT_SERVER_PORT (8501), the port the image's HEALTHCHECK asks.
set -eu

if [ "$#" -eq 0 ]; then
  set -- --help
fi

if [ "$1" = "app" ]; then
  shift
  exec aligngraph app --headless --port "${STREAMLIT_SERVER_PORT:-8501}" "$@"
fi

exec aligngraph "$@"
