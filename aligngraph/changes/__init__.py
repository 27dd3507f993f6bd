"""Comparing two versions of an organisation: a draft with what was loaded, one cycle
with the last, or a what-if with its base. :mod:`aligngraph.diff` is its public face."""
