# aligngraph in a container: the command line and the explorer, with Graphviz.
#
#   docker build -t aligngraph .
#   docker run --rm -v "$PWD/okrs:/okrs:ro" aligngraph check /okrs
#   docker run --rm -p 8501:8501 -v "$PWD/okrs:/okrs:ro" aligngraph app /okrs
#
# Build arguments: PYTHON_VERSION (3.12), and VERSION, CREATED, REVISION for the labels.
ARG PYTHON_VERSION=3.12

# --- build: aligngraph and its dependencies in a virtual environment --------------------
FROM python:${PYTHON_VERSION}-slim AS build
WORKDIR /src
RUN python -m venv /opt/aligngraph
COPY pyproject.toml README.md ./
COPY aligngraph ./aligngraph
RUN /opt/aligngraph/bin/pip install --no-cache-dir --disable-pip-version-check .
# The explorer offers the bundled samples it finds beside the package.
COPY samples/nimbus.yaml samples/meridian.yaml /tmp/samples/
RUN site="$(/opt/aligngraph/bin/python -c 'import aligngraph, pathlib; print(pathlib.Path(aligngraph.__file__).parents[1])')" \
    && mkdir "$site/samples" && cp /tmp/samples/*.yaml "$site/samples/"

# --- run: the slim image, Graphviz for pictures, the environment from the build ---------
FROM python:${PYTHON_VERSION}-slim
ARG VERSION=0.1.0
ARG CREATED=""
ARG REVISION=""
LABEL org.opencontainers.image.title="aligngraph" \
      org.opencontainers.image.description="Turn a company's OKRs into a directed graph and show where alignment is broken." \
      org.opencontainers.image.version="${VERSION}" \
      org.opencontainers.image.created="${CREATED}" \
      org.opencontainers.image.revision="${REVISION}" \
      org.opencontainers.image.licenses="MIT" \
      org.opencontainers.image.source="https://github.com/aligngraph/aligngraph" \
      org.opencontainers.image.documentation="https://github.com/aligngraph/aligngraph#in-ci-and-in-your-editor"
RUN apt-get update \
    && apt-get install -y --no-install-recommends graphviz \
    && rm -rf /var/lib/apt/lists/*
COPY --from=build /opt/aligngraph /opt/aligngraph
COPY docker/entrypoint.sh /usr/local/bin/aligngraph-entrypoint
COPY docker/healthcheck.py /usr/local/bin/aligngraph-healthcheck
ENV PATH="/opt/aligngraph/bin:${PATH}" \
    PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    STREAMLIT_SERVER_ADDRESS=0.0.0.0 \
    STREAMLIT_SERVER_PORT=8501 \
    STREAMLIT_BROWSER_GATHER_USAGE_STATS=false
RUN useradd --create-home --uid 10001 aligngraph
USER aligngraph
WORKDIR /okrs
EXPOSE 8501
HEALTHCHECK --interval=30s --timeout=5s --start-period=30s --retries=3 \
    CMD ["python", "/usr/local/bin/aligngraph-healthcheck"]
ENTRYPOINT ["aligngraph-entrypoint"]
CMD ["--help"]
