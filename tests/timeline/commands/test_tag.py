"""`timeline tag`: formats, DCT order, bad inputs, and TimeML the scorer accepts."""

from __future__ import annotations

import io
import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from timeline.cli import main

ROOT = Path(__file__).resolve().parents[3]
SEED = ROOT / "seeds" / "kim-jong-un-arrives-in-russia.txt"
SHARED = ROOT.parent / "shared"
AQUAINT = SHARED / "data" / "aquaint"


def run_tag(capsys, *argv):
    code = main(["tag", *map(str, argv)])
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def test_json_lines_for_the_seed_with_its_sidecar_dct(capsys):
    code, out, err = run_tag(capsys, SEED)
    assert code == 0, err
    lines = out.splitlines()
    assert len(lines) == 1
    record = json.loads(lines[0])
    assert record["file"] == str(SEED)
    assert record["dct"] == "2023-09-12T00:00"
    sunday = next(m for m in record["mentions"] if m["text"] == "Sunday")
    assert sunday == {
        "text": "Sunday",
        "start": 170,
        "end": 176,
        "type": "DATE",
        "value": "2023-09-10",
        "mod": None,
        "earliest": "2023-09-10T00:00",
        "latest": "2023-09-11T00:00",
        "granularity": "day",
        "anchor": "DCT 2023-09-12",
        "explanation": (
            "'Sunday' + past tense -> the Sunday before the DCT Tue 2023-09-12 = 2023-09-10"
        ),
        "confidence": 0.85,
        "event_relative": False,
    }
    duration = next(m for m in record["mentions"] if m["text"] == "12 years")
    assert duration["earliest"] is None and duration["latest"] is None


def test_dct_option_overrides_the_sidecar(capsys):
    code, out, _ = run_tag(capsys, "--dct", "2023-09-14", SEED)
    assert code == 0
    sunday = next(m for m in json.loads(out)["mentions"] if m["text"] == "Sunday")
    assert sunday["value"] == "2023-09-10"
    tuesday = next(m for m in json.loads(out)["mentions"] if m["text"] == "Tuesday")
    assert tuesday["value"] == "2023-09-12"  # past tense: the Tuesday before Thu 14th


def test_text_table(capsys):
    code, out, _ = run_tag(capsys, "--format", "text", SEED)
    assert code == 0
    assert out.startswith(f"{SEED}  DCT 2023-09-12  7 expression(s)\n  offsets ")
    header = out.splitlines()[1].split()
    assert header[:4] == ["offsets", "expression", "type", "value"]
    assert "early on Tuesday" in out and "2023-09-12T00:00 .. 2023-09-12T12:00" in out
    assert "after the forum" in out and "(open)" in out


def test_no_dct_exits_2_and_says_how_to_give_one(tmp_path, capsys):
    article = tmp_path / "undated.txt"
    article.write_text("The leaders met on Sunday.", encoding="utf-8")
    code, out, err = run_tag(capsys, article)
    assert code == 2
    assert out == ""
    assert err.strip() == (
        f"timeline tag: {article}: no publication date (DCT) found; give it with --dct "
        'YYYY-MM-DD or a sidecar undated.meta.json holding "published"'
    )


def test_bad_inputs_are_reported_and_the_rest_still_tagged(tmp_path, capsys):
    binary = tmp_path / "binary.txt"
    binary.write_bytes(b"\x00\x01\x02 data")
    undecodable = tmp_path / "latin.txt"
    undecodable.write_bytes("caf\xe9 on Sunday".encode("latin-1"))
    empty = tmp_path / "empty.txt"
    empty.write_text("", encoding="utf-8")
    malformed = tmp_path / "broken.tml"
    malformed.write_text("<TimeML><TEXT>unclosed", encoding="utf-8")
    code, out, err = run_tag(
        capsys,
        "--dct",
        "2023-09-12",
        binary,
        undecodable,
        empty,
        malformed,
        tmp_path / "missing.txt",
        SEED,
    )
    assert code == 1
    assert [json.loads(line)["file"] for line in out.splitlines()] == [str(SEED)]
    messages = err.strip().splitlines()
    assert len(messages) == 5
    names = (binary, undecodable, empty, malformed, "missing.txt")
    for path, message in zip(names, messages, strict=True):
        assert message.startswith("timeline tag: ") and str(path) in message
    assert "Traceback" not in err


def test_timeml_out_dir_is_read_by_the_scorer(tmp_path, capsys):
    if not AQUAINT.is_dir():
        pytest.skip("the shared AQUAINT corpus is not on this machine")
    gold = tmp_path / "gold"
    stripped = tmp_path / "input"
    gold.mkdir()
    for name in ("APW19980807.0261.tml", "NYT20000224.0173.tml"):
        shutil.copy(AQUAINT / name, gold / name)
    subprocess.run(
        [sys.executable, str(SHARED / "tools" / "te3input.py"), str(gold), str(stripped)],
        check=True,
    )
    out_dir = tmp_path / "system"
    code, out, err = run_tag(
        capsys, "--format", "timeml", "--out-dir", out_dir, *sorted(stripped.glob("*.tml"))
    )
    assert code == 0, err
    assert out == ""
    assert sorted(p.name for p in out_dir.iterdir()) == sorted(p.name for p in gold.iterdir())
    scored = subprocess.run(
        [
            sys.executable,
            str(SHARED / "tools" / "score_timeml.py"),
            str(gold),
            str(out_dir),
            "--json",
            str(tmp_path / "m.json"),
            "--quiet",
        ],
        capture_output=True,
        text=True,
    )
    assert scored.returncode == 0, scored.stdout + scored.stderr  # texts identical to gold
    metrics = json.loads((tmp_path / "m.json").read_text())
    assert metrics["relaxed_F1"] > 0.8


def test_stdin_through_the_console_entry_point():
    result = subprocess.run(
        [sys.executable, "-m", "timeline", "tag", "--dct", "2023-09-12", "--format", "timeml", "-"],
        input="Kim left for Russia on Sunday & met Putin.",
        capture_output=True,
        text=True,
        cwd=ROOT,
    )
    assert result.returncode == 0, result.stderr
    assert (
        '<TEXT>Kim left for Russia on <TIMEX3 tid="t1" type="DATE" value="2023-09-10">Sunday'
        "</TIMEX3> &amp; met Putin.</TEXT>"
    ) in result.stdout


def test_bad_dct_argument_is_a_usage_error(capsys):
    with pytest.raises(SystemExit) as exit_info:
        main(["tag", "--dct", "12/09/2023", str(SEED)])
    assert exit_info.value.code == 2
    assert "bad date '12/09/2023'" in capsys.readouterr().err


def test_stdin_without_a_dct_asks_for_dct_option(monkeypatch, capsys):
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(b"They met on Sunday.")))
    code, out, err = run_tag(capsys, "-")
    assert (code, out) == (2, "")
    assert err.strip() == (
        "timeline tag: <stdin>: no publication date (DCT) found; give it with --dct YYYY-MM-DD"
    )


def test_out_dir_never_overwrites_an_input_or_another_output(tmp_path, capsys):
    first, second = tmp_path / "one", tmp_path / "two"
    for folder, sentence in ((first, "He left on Sunday."), (second, "He left on Monday.")):
        folder.mkdir()
        (folder / "report.txt").write_text(sentence, encoding="utf-8")
    tml = first / "gold.tml"
    original = (
        '<TimeML><DCT><TIMEX3 tid="t0" type="DATE" value="2023-09-12">x</TIMEX3></DCT>'
        "<TEXT>It rained on Friday.</TEXT></TimeML>"
    )
    tml.write_text(original, encoding="utf-8")
    code, out, err = run_tag(
        capsys,
        "--dct",
        "2023-09-12",
        "--format",
        "timeml",
        "--out-dir",
        first,
        first / "report.txt",
        second / "report.txt",
        tml,
    )
    assert (code, out) == (1, "")
    assert tml.read_text(encoding="utf-8") == original  # the input is kept
    written = (first / "report.tml").read_text(encoding="utf-8")
    assert "Sunday</TIMEX3>" in written  # the first report's output, not replaced
    messages = err.strip().splitlines()
    assert messages == [
        f"timeline tag: {second / 'report.txt'}: not written: {first / 'report.tml'} would "
        f"overwrite the output of {first / 'report.txt'}; use another --out-dir",
        f"timeline tag: {tml}: not written: {tml} would overwrite an input file; "
        "use another --out-dir",
    ]


def test_oversized_stdin_is_refused_with_one_line(monkeypatch, capsys):
    import timeline.commands.tag as tag_command

    monkeypatch.setattr(tag_command, "MAX_BYTES", 1024 * 1024)
    text = b"On Sunday it rained. " * 60_000  # over 1 MB
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(text)))
    code, out, err = run_tag(capsys, "--dct", "2023-09-12", "-")
    assert (code, out) == (1, "")
    assert err.strip() == "timeline tag: <stdin>: too large (over 1 MB)"


def test_stdin_given_twice_is_read_once(monkeypatch, capsys):
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(b"He left on Sunday.")))
    code, out, err = run_tag(capsys, "--dct", "2023-09-12", "-", "-")
    assert code == 1
    assert [json.loads(line)["file"] for line in out.splitlines()] == ["<stdin>"]
    assert err.strip() == "timeline tag: <stdin>: given twice; it can be read once"


def test_out_dir_replaces_a_planted_symlink_instead_of_writing_through_it(tmp_path, capsys):
    article = tmp_path / "report.txt"
    article.write_text("He left on Sunday.", encoding="utf-8")
    out = tmp_path / "out"
    out.mkdir()
    victim = tmp_path / "victim.conf"
    victim.write_text("keep me\n", encoding="utf-8")
    (out / "report.jsonl").symlink_to(victim)
    code, _out, err = run_tag(capsys, "--dct", "2023-09-12", "--out-dir", out, article)
    assert (code, err) == (0, "")
    assert victim.read_text(encoding="utf-8") == "keep me\n"
    written = out / "report.jsonl"
    assert not written.is_symlink() and json.loads(written.read_text(encoding="utf-8"))
    assert sorted(path.name for path in out.iterdir()) == ["report.jsonl"]


def test_out_dir_replaces_an_earlier_output_whole_by_a_rename(tmp_path, capsys):
    article = tmp_path / "report.txt"
    article.write_text("He left on Sunday.", encoding="utf-8")
    out = tmp_path / "out"
    out.mkdir()
    earlier = out / "report.jsonl"
    earlier.write_text('{"earlier": true}\n', encoding="utf-8")
    inode = earlier.stat().st_ino
    code, _out, _err = run_tag(capsys, "--dct", "2023-09-12", "--out-dir", out, article)
    assert code == 0
    # A new file renamed into place: a failure part way would have left the old one whole.
    assert earlier.stat().st_ino != inode
    assert json.loads(earlier.read_text(encoding="utf-8"))["mentions"]


def test_a_symlink_loop_named_directly_is_one_line(tmp_path, capsys):
    loop = tmp_path / "LOOP"
    loop.symlink_to(loop)
    good = tmp_path / "report.txt"
    good.write_text("He left on Sunday.", encoding="utf-8")
    code, out, err = run_tag(capsys, "--dct", "2023-09-12", loop, good)
    assert code == 1
    assert err == (f"timeline tag: {loop}: a symbolic link loop (following it never "
                   "reaches a file)\n")
    assert json.loads(out)["file"] == str(good)


def test_a_folder_is_called_a_folder(tmp_path, capsys):
    code, _out, err = run_tag(capsys, "--dct", "2023-09-12", tmp_path)
    assert code == 1 and "is a folder" in err and "unsupported" not in err


@pytest.mark.parametrize("fmt", ["timeml", "json", "text"])
def test_a_lone_surrogate_is_refused_in_one_line_in_every_format(tmp_path, capsys, fmt):
    bad = tmp_path / "bad.json"
    bad.write_text(json.dumps({"text": "He left on Sunday \ud800."}), encoding="utf-8")
    code, out, err = run_tag(capsys, "--dct", "2023-09-12", "--format", fmt, bad)
    assert (code, out) == (1, "")
    assert err.count("\n") == 1 and "not valid Unicode" in err


def test_dct_takes_a_written_date_as_the_window_does(capsys):
    code, out, _ = run_tag(capsys, "--dct", "5 Mar 2023", SEED)
    assert code == 0
    assert json.loads(out.splitlines()[0])["dct"] == "2023-03-05T00:00"
