"""Check: a TimelineJS JSON export as TimelineJS itself renders it, in headless Chromium.

    .venv/bin/python bench/timelinejs_render.py EXPORT.json --timelinejs DIR [--png FILE]

DIR is an unpacked TimelineJS package (``npm pack @knight-lab/timelinejs`` and untar
it: DIR/dist/js/timeline.js and DIR/dist/css/timeline.css); nothing is loaded from the
network. The page embeds the timeline 880 px tall, as the issue's embed was, waits for
TimelineJS to lay it out, then prints, from the rendered page: the slides, the group
bands, the time navigator's height and whether it fits inside the embed with its zoom
buttons, and whether any markup from the data became an element (an <img> or <b> in a
group label or a headline). --png saves a screenshot. Last line: JSON.
Needs the `chromium` Debian package.
"""

from __future__ import annotations

import argparse
import html
import json
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

EMBED_HEIGHT = 880
WIDTH = 1280

PAGE = """<!doctype html>
<html><head><meta charset="utf-8">
<link rel="stylesheet" href="{css}">
<script src="{js}"></script>
</head><body style="margin:0;overflow:hidden">
<div id="timeline-embed" style="width:100%;height:{height}px"></div>
<pre id="measured" style="display:none"></pre>
<script>
var data = {data};
var timeline = new TL.Timeline("timeline-embed", data, {{timenav_height_percentage: 25}});
function measure() {{
  var embed = document.getElementById("timeline-embed").getBoundingClientRect();
  var nav = document.querySelector(".tl-timenav");
  var box = nav ? nav.getBoundingClientRect() : null;
  var zoom = document.querySelector(".tl-menubar");
  var zoomBox = zoom ? zoom.getBoundingClientRect() : null;
  var groups = document.querySelectorAll(".tl-timegroup");
  // The baits' tags: TimelineJS itself puts no img, b or script in the timeline.
  var injected = document.querySelectorAll(
    "#timeline-embed img, #timeline-embed b, #timeline-embed script");
  document.getElementById("measured").textContent = JSON.stringify({{
    slides: data.events.length,
    groups: groups.length,
    navigator_px: box ? Math.round(box.height) : null,
    navigator_inside_embed: box ? (box.bottom <= embed.bottom + 1 && box.top >= embed.top) : false,
    zoom_buttons_inside_embed: zoomBox ? zoomBox.bottom <= embed.bottom + 1 : false,
    elements_from_data: Array.from(injected).map(function (e) {{ return e.tagName; }}),
    group_labels: Array.from(groups).slice(0, 10).map(function (g) {{ return g.textContent; }})
  }});
}}
setTimeout(measure, 3000);
</script></body></html>
"""


def page(export: Path, package: Path) -> str:
    """Return the HTML page that renders ``export`` with the TimelineJS in ``package``."""
    dist = package / "dist"
    data = json.dumps(json.loads(export.read_text(encoding="utf-8")))
    # Inside <script>, "</" would end the script: JSON may write it as "<\\/".
    data = data.replace("</", "<\\/")
    return PAGE.format(css=(dist / "css" / "timeline.css").as_uri(),
                       js=(dist / "js" / "timeline.js").as_uri(),
                       data=data, height=EMBED_HEIGHT)


def chromium(*arguments: str) -> str:
    """Run headless Chromium with ``arguments``; return what it prints on stdout."""
    binary = shutil.which("chromium") or shutil.which("chromium-browser")
    if binary is None:
        raise SystemExit("no chromium: apt-get install chromium")
    command = [binary, "--headless", "--no-sandbox", "--disable-gpu",
               "--allow-file-access-from-files", "--virtual-time-budget=8000",
               f"--window-size={WIDTH},{EMBED_HEIGHT}", *arguments]
    done = subprocess.run(command, capture_output=True, text=True, timeout=180)
    return done.stdout


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("export", type=Path)
    parser.add_argument("--timelinejs", type=Path, required=True, metavar="DIR")
    parser.add_argument("--png", type=Path)
    options = parser.parse_args()
    with tempfile.TemporaryDirectory() as scratch:
        html_path = Path(scratch) / "timeline.html"
        html_path.write_text(page(options.export, options.timelinejs), encoding="utf-8")
        dom = chromium("--dump-dom", html_path.as_uri())
        if options.png:
            chromium(f"--screenshot={options.png.resolve()}", html_path.as_uri())
    found = re.search(r'<pre id="measured"[^>]*>(.*?)</pre>', dom, re.S)
    if not found or not found.group(1).strip():
        print("TimelineJS did not render (no measurement in the page)", file=sys.stderr)
        return 1
    measured = json.loads(html.unescape(found.group(1)))
    for key, value in measured.items():
        print(f"{key:26} {value}")
    print(json.dumps(measured, ensure_ascii=False))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
