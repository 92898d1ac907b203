"""The HTML map opens in headless Chromium with the network off and draws everything.

Chromium is driven over ``--remote-debugging-pipe`` (the DevTools protocol as
NUL-separated JSON on file descriptors 3 and 4), so no websocket client or
npm package is needed: only Debian's ``chromium``. The network is cut three
ways: DNS resolves nothing (``--host-resolver-rules``), DevTools network
emulation is offline, and every request the page makes is recorded; the test
accepts only the page's own ``file:`` URL and ``data:`` URIs.
"""

from __future__ import annotations

import base64
import json
import os
import re
import selectors
import shutil
import subprocess
import tempfile
import time

import numpy as np
import pandas as pd
import pytest

from capacityplanner.export.html_map import export_html_map
from capacityplanner.export.provenance import DEFAULT_CREDIT
from capacityplanner.geodata.dataset import load_dataset

CHROMIUM = (
    os.environ.get("CP_CHROMIUM") or shutil.which("chromium") or shutil.which("chromium-browser")
)
pytestmark = pytest.mark.skipif(
    CHROMIUM is None,
    reason="chromium is not installed (Debian: apt-get install -y chromium); "
    "the offline HTML map test needs a headless browser",
)

SITE_LAYERS = (
    "scholen_basis",
    "scholen_secundair",
    "kinderopvang",
    "jeugdinfrastructuur",
    "kandidaatsites",
)
FLAGS = [
    "--headless",
    "--no-sandbox",  # needed as root (containers, CI)
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-extensions",
    "--no-first-run",
    "--no-default-browser-check",
    "--host-resolver-rules=MAP * ~NOTFOUND",
    "--window-size=1400,900",
]


class PipeBrowser:
    """Headless Chromium spoken to over ``--remote-debugging-pipe``."""

    def __init__(self, executable: str, timeout: float = 60.0) -> None:
        self.timeout = timeout
        self.events: list[dict] = []
        self._tmp = tempfile.TemporaryDirectory(prefix="cp-chromium-")
        cmd_r, cmd_w = os.pipe()
        out_r, out_w = os.pipe()

        def child_fds() -> None:  # Chromium reads commands on fd 3 and answers on fd 4
            os.dup2(cmd_r, 100)
            os.dup2(out_w, 101)
            os.dup2(100, 3)
            os.dup2(101, 4)

        self.proc = subprocess.Popen(
            [
                executable,
                *FLAGS,
                f"--user-data-dir={self._tmp.name}",
                "--remote-debugging-pipe",
                "about:blank",
            ],
            preexec_fn=child_fds,
            close_fds=False,
            stdin=subprocess.DEVNULL,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        os.close(cmd_r)
        os.close(out_w)
        self._w, self._r = cmd_w, out_r
        self._buf = b""
        self._id = 0
        self._sel = selectors.DefaultSelector()
        self._sel.register(out_r, selectors.EVENT_READ)

    def send(self, method: str, params: dict | None = None, session: str | None = None) -> dict:
        self._id += 1
        msg: dict = {"id": self._id, "method": method, "params": params or {}}
        if session:
            msg["sessionId"] = session
        os.write(self._w, json.dumps(msg).encode() + b"\0")
        while True:
            reply = self._next()
            if reply.get("id") == msg["id"]:
                if "error" in reply:
                    raise RuntimeError(f"{method}: {reply['error']}")
                return reply.get("result", {})
            self.events.append(reply)

    def wait_event(self, method: str) -> dict:
        for event in self.events:
            if event.get("method") == method:
                return event
        while True:
            event = self._next()
            self.events.append(event)
            if event.get("method") == method:
                return event

    def _next(self) -> dict:
        deadline = time.monotonic() + self.timeout
        while b"\0" not in self._buf:
            left = deadline - time.monotonic()
            if left <= 0 or not self._sel.select(left):
                raise TimeoutError("Chromium did not answer over the debugging pipe")
            chunk = os.read(self._r, 1 << 20)
            if not chunk:
                raise RuntimeError("Chromium closed the debugging pipe")
            self._buf += chunk
        raw, self._buf = self._buf.split(b"\0", 1)
        return json.loads(raw)

    def close(self) -> None:
        try:
            os.write(self._w, json.dumps({"id": 0, "method": "Browser.close"}).encode() + b"\0")
            self.proc.wait(15)
        except (OSError, subprocess.TimeoutExpired):
            self.proc.kill()
            self.proc.wait()
        os.close(self._w)
        os.close(self._r)
        self._tmp.cleanup()


def _balance(wijknrs: np.ndarray) -> pd.DataFrame:
    """A balance where wijk 7 is 400 basis places short and wijk 1 has a surplus."""
    rng = np.random.default_rng(5)
    rows = []
    for level in ("kinderopvang", "kleuter", "lager", "basis", "secundair", "bso", "jeugd"):
        cap = rng.integers(200, 1500, len(wijknrs)).astype(float)
        dem = cap + rng.integers(-150, 150, len(wijknrs))
        if level == "basis":
            dem[wijknrs == 7] = cap[wijknrs == 7] + 400
            dem[wijknrs == 1] = cap[wijknrs == 1] - 50
        rows.append(
            pd.DataFrame(
                {"wijknr": wijknrs, "level": level, "year": 2024, "capacity": cap, "demand": dem}
            )
        )
    out = pd.concat(rows, ignore_index=True)
    out["balance"] = out["capacity"] - out["demand"]
    out["shortfall"] = (-out["balance"]).clip(lower=0)
    return out


@pytest.fixture(scope="module")
def page(tmp_path_factory):
    """Export the map from the shipped data set, open it offline, return what the browser saw."""
    ds = load_dataset()
    wijken = ds.layer("wijken")
    balance = _balance(wijken["wijknr"].to_numpy())
    sites = {name: ds.layer(name) for name in SITE_LAYERS}
    proposal = ds.layer("kandidaatsites").head(2)[["site_id", "name", "geometry"]]
    proposal = proposal.assign(
        site_id=["NEW-1", "NEW-2"], places_secundair=[600, 300], brede=[1, 0]
    )
    out = export_html_map(
        tmp_path_factory.mktemp("html") / "kaart.html",
        wijken,
        balance,
        sites,
        ds.layer("wegen"),
        ds.layer("parken"),
        plan={"Voorstel": proposal},
        year=2024,
        level="basis",
    )
    browser = PipeBrowser(CHROMIUM)
    try:
        target = browser.send("Target.createTarget", {"url": "about:blank"})["targetId"]
        session = browser.send("Target.attachToTarget", {"targetId": target, "flatten": True})[
            "sessionId"
        ]
        for method in ("Network.enable", "Page.enable", "Runtime.enable", "Log.enable"):
            browser.send(method, session=session)
        browser.send(
            "Network.emulateNetworkConditions",
            {"offline": True, "latency": 0, "downloadThroughput": -1, "uploadThroughput": -1},
            session=session,
        )
        browser.send("Page.navigate", {"url": out.as_uri()}, session=session)
        browser.wait_event("Page.loadEventFired")

        def evaluate(expression: str):
            result = browser.send(
                "Runtime.evaluate",
                {"expression": expression, "returnByValue": True},
                session=session,
            )
            return result["result"].get("value")

        seen = {
            "counts": evaluate("window.cpCounts || null"),
            "wijk_ids": evaluate(
                "Array.from(document.querySelectorAll('path.cp-wijk')).map(p => p.getAttribute('class'))"
            ),
            "fill_7": evaluate("document.querySelector('path.cp-wijk-7').getAttribute('fill')"),
            "fill_1": evaluate("document.querySelector('path.cp-wijk-1').getAttribute('fill')"),
            "title": evaluate("document.getElementById('cp-title').innerText"),
            "footer": evaluate("document.getElementById('cp-footer').innerText"),
            "legend": evaluate("document.getElementById('cp-legend').innerText"),
            "sites_before": evaluate("document.querySelectorAll('path.cp-site').length"),
        }
        # Switch every overlay on in the layer control, then look for every site.
        evaluate(
            "document.querySelectorAll('.leaflet-control-layers-selector')"
            ".forEach(c => { if (!c.checked) c.click(); }); true"
        )
        seen["site_classes"] = evaluate(
            "Array.from(document.querySelectorAll('path.cp-site')).map(p => p.getAttribute('class'))"
        )
        # Click wijk 7 and read its popup.
        evaluate(
            "document.querySelector('path.cp-wijk-7').dispatchEvent("
            "new MouseEvent('click', {bubbles: true, clientX: 700, clientY: 450})); true"
        )
        seen["popup"] = evaluate(
            "(document.querySelector('.leaflet-popup-content') || {innerText: ''}).innerText"
        )
        shot = browser.send("Page.captureScreenshot", {"format": "png"}, session=session)
        seen["screenshot"] = base64.b64decode(shot["data"])
    finally:
        browser.close()
    seen["events"] = browser.events
    seen["file"] = out
    seen["sites"] = sites
    seen["balance"] = balance
    return seen


def test_page_makes_no_request_but_its_own_file(page):
    requests = [
        e["params"]["request"]["url"]
        for e in page["events"]
        if e.get("method") == "Network.requestWillBeSent"
    ]
    assert requests, "the browser recorded no request at all, so the check below proves nothing"
    foreign = [u for u in requests if not (u == page["file"].as_uri() or u.startswith("data:"))]
    assert foreign == []
    failed = [e["params"] for e in page["events"] if e.get("method") == "Network.loadingFailed"]
    assert failed == []


def test_page_runs_without_script_errors(page):
    errors = [e["params"] for e in page["events"] if e.get("method") == "Runtime.exceptionThrown"]
    log_errors = [
        e["params"]["entry"]
        for e in page["events"]
        if e.get("method") == "Log.entryAdded" and e["params"]["entry"]["level"] == "error"
    ]
    assert errors == [] and log_errors == []


def test_dom_holds_the_25_wijk_polygons(page):
    assert page["counts"]["wijken"] == 25
    numbers = sorted(int(re.search(r"cp-wijk-(\d+)", c).group(1)) for c in page["wijk_ids"])
    assert numbers == list(range(1, 26))


def test_dom_holds_every_site_once_all_layers_are_on(page):
    drawn = {re.search(r"cp-site-(\S+)", c).group(1) for c in page["site_classes"]}
    for name, gdf in page["sites"].items():
        assert page["counts"][f"sites:{name}"] == len(gdf)
        assert set(gdf["site_id"]) <= drawn, name
    assert {"NEW-1", "NEW-2"} <= drawn
    # candidate sites start hidden, so switching the layers on added them
    assert page["sites_before"] < len(page["site_classes"])


def test_base_map_is_drawn_from_the_shipped_streets_and_parks(page):
    assert page["counts"]["wegen"] == 14266
    assert page["counts"]["parken"] > 100


def test_shortfall_colours_follow_the_balance(page):
    assert page["fill_1"] == "#1a9850"  # surplus: green
    assert page["fill_7"] == "#d73027"  # the largest shortfall: darkest red


def test_title_credit_notice_and_legend_are_shown(page):
    assert "Basisonderwijs" in page["title"] and "2024-25" in page["title"]
    assert DEFAULT_CREDIT in page["footer"]
    assert "Illustratieve gegevens" in page["footer"]
    assert "Gemaakt met" in page["footer"]
    assert "geen tekort" in page["legend"] and "Basisscholen" in page["legend"]


def test_wijk_popup_lists_the_figures_of_the_year(page):
    bal = page["balance"]
    row = bal[(bal["wijknr"] == 7) & (bal["level"] == "basis")].iloc[0]
    popup = page["popup"]
    assert "Rabot - Blaisantvest" in popup
    assert f"{int(row['demand']):,d}".replace(",", ".") in popup
    assert "-400" in popup


def test_screenshot_shows_a_drawn_map(page, tmp_path):
    png = page["screenshot"]
    assert png[:8] == b"\x89PNG\r\n\x1a\n"
    (tmp_path / "kaart.png").write_bytes(png)
    assert len(png) > 50_000  # an empty page compresses to a few kB
