#!/usr/bin/env python3
"""Renders the demo's report in headless Chromium and checks the page the browser built.

Environment: ZEREN_CLI (the zeren program), ZEREN_REPORT_OUT (a folder for the report, its
checked copies and the screenshot). Exits 77 (CTest: skipped) only when no chromium is found.

A probe script, put at the top of a copy of the report, records console errors and failed
loads as they happen and, once the page has loaded, writes what it found into the DOM,
which --dump-dom hands back. Chromium's own log (--enable-logging=stderr) must show no
console line at all: the report logs nothing. A control copy with an injected console.error
and a broken image proves both checks catch what they look for.
"""
import html.parser
import json
import os
import shutil
import subprocess
import sys
import tempfile
import unittest

SECTIONS = ["overview", "assessment", "incidents", "ledger", "audit", "hierarchy"]

PROBE = """<script>
(function () {
  var problems = [];
  var error = console.error;
  console.error = function () {
    problems.push('console.error: ' + Array.prototype.join.call(arguments, ' '));
    return error.apply(console, arguments);
  };
  window.addEventListener('error', function (e) {
    var t = e.target;
    problems.push(t && t !== window ? 'failed to load: <' + t.tagName + '> ' + (t.src || t.href) : 'error: ' + e.message);
  }, true);
  window.addEventListener('load', function () {
    var result = {problems: problems, sections: [], svgs: 0, empty_svgs: [], images: 0, broken_images: []};
    document.querySelectorAll('section[data-section]').forEach(function (s) {
      if (s.offsetHeight > 0 && s.querySelector('h2')) result.sections.push(s.id);
    });
    document.querySelectorAll('svg').forEach(function (svg, i) {
      var box = svg.getBoundingClientRect();
      result.svgs++;
      if (!(box.width > 0 && box.height > 0 && svg.childElementCount > 1)) result.empty_svgs.push(i);
    });
    Array.prototype.forEach.call(document.images, function (img) {
      result.images++;
      if (!img.complete || img.naturalWidth === 0) result.broken_images.push(img.getAttribute('src'));
    });
    var pre = document.createElement('pre');
    pre.id = 'zeren-probe';
    pre.textContent = JSON.stringify(result);
    document.body.appendChild(pre);
  });
})();
</script>"""

CANARY = '<script>console.error("zeren-canary");</script><img src="zeren-missing.png" alt="">'


def find_chromium():
    for name in ("chromium", "chromium-browser", "google-chrome"):
        path = shutil.which(name)
        if path:
            return path
    return None


def chromium(browser, url, *extra):
    """Runs headless Chromium on `url` with a fresh profile; returns (stdout, stderr)."""
    with tempfile.TemporaryDirectory(prefix="zeren-chromium-") as profile:
        command = [browser, "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
                   "--disable-background-networking", "--disable-component-update", "--disable-sync",
                   "--user-data-dir=" + profile, "--enable-logging=stderr", "--v=0", *extra, url]
        done = subprocess.run(command, capture_output=True, text=True, timeout=180)
        if done.returncode != 0:
            raise AssertionError("chromium failed (%d): %s" % (done.returncode, done.stderr[-2000:]))
        return done.stdout, done.stderr


class ProbeReader(html.parser.HTMLParser):
    """Finds the probe's JSON in a dumped DOM."""

    def __init__(self):
        super().__init__()
        self.inside = False
        self.text = None

    def handle_starttag(self, tag, attrs):
        self.inside = tag == "pre" and ("id", "zeren-probe") in attrs

    def handle_data(self, data):
        if self.inside:
            self.text = (self.text or "") + data

    def handle_endtag(self, tag):
        self.inside = False


def console_lines(log):
    return [line for line in log.splitlines() if ":CONSOLE" in line]


class RenderTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.browser = find_chromium()
        cls.out = os.environ["ZEREN_REPORT_OUT"]
        os.makedirs(cls.out, exist_ok=True)
        cls.report = os.path.join(cls.out, "demo-report.html")
        done = subprocess.run([os.environ["ZEREN_CLI"], "demo", "--report", cls.report],
                              capture_output=True, text=True, timeout=120)
        assert done.returncode == 0, done.stderr
        assert done.stdout.rstrip().endswith("Report 报告: " + os.path.abspath(cls.report)), done.stdout[-300:]
        with open(cls.report, encoding="utf-8") as f:
            cls.page = f.read()

    def render_probed(self, name, extra_body=""):
        """Writes a probed copy of the report, renders it and returns (probe, console lines)."""
        path = os.path.join(self.out, name)
        page = self.page.replace("<head>", "<head>\n" + PROBE, 1).replace("</body>", extra_body + "</body>", 1)
        with open(path, "w", encoding="utf-8") as f:
            f.write(page)
        dom, log = chromium(self.browser, "file://" + path, "--dump-dom", "--virtual-time-budget=3000")
        reader = ProbeReader()
        reader.feed(dom)
        self.assertIsNotNone(reader.text, "the probe did not report: the page never finished loading")
        return json.loads(reader.text), console_lines(log)

    def test_page_renders_every_section_without_errors(self):
        probe, console = self.render_probed("demo-report.probed.html")
        self.assertEqual(probe["sections"], SECTIONS)
        self.assertEqual(probe["problems"], [])
        self.assertEqual(console, [])
        self.assertEqual(probe["broken_images"], [])
        self.assertEqual(probe["empty_svgs"], [])
        self.assertGreater(probe["svgs"], 20)

    def test_checks_catch_an_injected_error_and_a_broken_image(self):
        probe, console = self.render_probed("demo-report.control.html", CANARY)
        self.assertIn("console.error: zeren-canary", probe["problems"])
        self.assertTrue(any("zeren-missing.png" in p for p in probe["problems"]), probe["problems"])
        self.assertEqual(probe["broken_images"], ["zeren-missing.png"])
        self.assertTrue(any('"zeren-canary"' in line for line in console), console)

    def test_screenshot(self):
        shot = os.path.join(self.out, "demo-report.png")
        if os.path.exists(shot):
            os.remove(shot)
        chromium(self.browser, "file://" + self.report, "--screenshot=" + shot, "--window-size=1280,4000",
                 "--hide-scrollbars")
        with open(shot, "rb") as f:
            self.assertEqual(f.read(8), b"\x89PNG\r\n\x1a\n")
        print("screenshot: " + shot, file=sys.stderr)


if __name__ == "__main__":
    if find_chromium() is None:
        print("SKIPPED: no chromium on PATH (Debian: apt-get install chromium; tools/dev setup installs it)")
        sys.exit(77)
    unittest.main(verbosity=2)
