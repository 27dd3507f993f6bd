"""The explorer in a shared room: bad and oversized uploads, and the upload limit."""

import tomllib
from pathlib import Path


import hostile_files as hostile

from streamlit.testing.v1 import AppTest

from aligngraph.io.limits import Limits  # noqa: E402

ROOT = Path(__file__).parent.parent
NIMBUS = "Nimbus (sample, 8 teams)"


def on_nimbus_then_upload(name: str, data: bytes) -> AppTest:
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=60).run()
    at.selectbox(key="source").set_value(NIMBUS).run()
    at.selectbox(key="source").set_value("Uploaded files").run()
    at.file_uploader(key="uploads").set_value((name, data, "application/octet-stream")).run()
    assert not at.exception, at.exception
    return at


def metric(at: AppTest, label: str) -> str:
    return next(m.value for m in at.metric if m.label == label)


def test_a_bad_upload_shows_its_problems_and_keeps_the_last_good_organisation():
    at = on_nimbus_then_upload("okr.yaml", b"teams: [{id: a}]\nobjectives:\n"
                                           b"  - {id: O1, team: b, title: x}\n")
    assert "cannot be read: 1 problem" in at.error[0].value
    assert "okr.yaml:3:" in at.code[0].value and "unknown team 'b'" in at.code[0].value
    assert "Still showing the last files that loaded" in at.info[0].value
    assert metric(at, "Teams") == "8"  # Nimbus, still on screen


def test_an_alias_bomb_upload_is_refused_at_its_line():
    name, text = hostile.alias_bomb(levels=9)
    at = on_nimbus_then_upload(name, text.encode())
    assert "bomb.yaml:6:12:" in at.code[0].value and "max_alias_nodes" in at.code[0].value
    assert metric(at, "Teams") == "8"


def test_an_upload_over_a_limit_says_which_and_what_it_measured(monkeypatch):
    monkeypatch.setenv("ALIGNGRAPH_MAX_INPUT_MB", "0.001")
    at = on_nimbus_then_upload("big.yaml", b"teams: []\nobjectives: []\n" + b"#" * 2000)
    assert "the file is 0.002 MB (2,025 bytes), over the limit of 0.001 MB" in at.code[0].value
    assert "max_input_mb" in at.code[0].value


def test_the_upload_box_shows_the_limit_and_enforces_it(monkeypatch):
    monkeypatch.setenv("ALIGNGRAPH_MAX_INPUT_MB", "7")
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=60).run()
    uploader = at.file_uploader(key="uploads")
    assert "up to 7 MB each" in uploader.label
    assert uploader.proto.max_upload_size_mb == 7


def test_streamlit_config_sets_the_same_upload_limit_and_a_viewer_toolbar():
    config = tomllib.loads((ROOT / ".streamlit" / "config.toml").read_text())
    assert config["server"]["maxUploadSize"] == Limits().max_input_mb
    assert config["client"]["toolbarMode"] == "viewer"
    assert config["browser"]["gatherUsageStats"] is False
