"""Every test runs without aligngraph's result cache unless it asks for one
(tests/test_cache.py does): a test that changes aligngraph's code in memory must not be
answered from a cached run, and the suite must not leave a cache in the checkout."""

import pytest


@pytest.fixture(autouse=True)
def _no_result_cache(monkeypatch):
    monkeypatch.setenv("ALIGNGRAPH_NO_CACHE", "1")
