"""What every browser test of the phone pages shares: headless Chromium at phone size, a learner who
presses buttons and types, and the checks every page must pass.

Learner.check, for the page on screen:
  - the exact HTML the server sent parses with html5lib in strict mode, and is under 15 KB;
  - lang and dir are set; every field has a label; tap targets are at least 44x44 px;
  - every piece of text has a contrast of at least 4.5:1 against what is behind it;
  - nothing scrolls sideways at 360 px, at 320 px, or at 320 px with 200% zoom;
  - at 360x640 the page's main button shows without scrolling;
and saves a screenshot at each width. Problems are gathered in `failures`, one line each.
"""

import base64
import json
import os
import urllib.request

import html5lib
from selenium import webdriver
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By
from selenium.common.exceptions import WebDriverException
from selenium.webdriver.support.ui import WebDriverWait

PHONE = (360, 640)
NARROW = 320
MAX_PAGE_BYTES = 15_000

failures = []


def fail(message):
    failures.append(message)
    print("FAIL: " + message, flush=True)


# Everything the page checks in the browser, in one script: returns a list of problems.
CHECKS_JS = r"""
const problems = [];
const html = document.documentElement;
if (html.lang !== arguments[0]) problems.push(`lang is "${html.lang}", expected "${arguments[0]}"`);
if (html.dir !== arguments[1]) problems.push(`dir is "${html.dir}", expected "${arguments[1]}"`);
const visible = el => { const r = el.getBoundingClientRect(); const s = getComputedStyle(el);
  return r.width > 0 && r.height > 0 && s.visibility !== 'hidden' && s.display !== 'none'; };
for (const input of document.querySelectorAll('input:not([type=hidden]), select, textarea')) {
  const label = input.id && document.querySelector(`label[for="${input.id}"]`);
  if (!label || !label.textContent.trim()) problems.push(`field ${input.name} has no label`);
}
for (const el of document.querySelectorAll('a, button, input:not([type=hidden]), summary')) {
  if (!visible(el)) continue;
  const r = el.getBoundingClientRect();
  if (r.width < 44 || r.height < 44) problems.push(`tap target "${el.textContent.trim() || el.name}" is ${Math.round(r.width)}x${Math.round(r.height)}`);
  if (el.tagName !== 'INPUT' && !el.textContent.trim()) problems.push(`${el.tagName} with no text`);
}
const rgb = c => (c.match(/[\d.]+/g) || []).map(Number);
const lum = c => { const v = rgb(c).slice(0, 3).map(x => { x /= 255; return x <= 0.03928 ? x / 12.92 : Math.pow((x + 0.055) / 1.055, 2.4); });
  return 0.2126 * v[0] + 0.7152 * v[1] + 0.0722 * v[2]; };
const background = el => { for (let e = el; e; e = e.parentElement) { const c = getComputedStyle(e).backgroundColor; const p = rgb(c);
  if (p.length === 3 || (p.length === 4 && p[3] > 0)) return c; } return 'rgb(255, 255, 255)'; };
for (const el of document.querySelectorAll('body *')) {
  if (!visible(el)) continue;
  const own = [...el.childNodes].some(n => n.nodeType === 3 && n.textContent.trim());
  const isControl = el.tagName === 'INPUT' && el.type !== 'hidden';
  if (!own && !isControl) continue;
  const a = lum(getComputedStyle(el).color), b = lum(background(el));
  const ratio = (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05);
  if (ratio < 4.5) problems.push(`contrast ${ratio.toFixed(2)}:1 for "${(el.textContent || el.value).trim().slice(0, 30)}"`);
}
if (html.scrollWidth > arguments[2] + 1) problems.push(`scrolls sideways: ${html.scrollWidth} > ${arguments[2]}`);
// The main button: the first full-width button of the page's last form (Continue, Yes, Next).
const forms = document.querySelectorAll('main form');
const main = forms.length ? forms[forms.length - 1].querySelector('button.button') : null;
if (arguments[3] && main && visible(main) && main.getBoundingClientRect().bottom > window.innerHeight)
  problems.push(`main button "${main.textContent.trim()}" is below the fold (bottom ${Math.round(main.getBoundingClientRect().bottom)} > ${window.innerHeight})`);
return problems;
"""


# Each page load gets a new time origin: how we know a press has loaded the next page.
PAGE_ID_JS = "return document.readyState === 'complete' ? performance.timeOrigin : null"


def current_page(driver):
    return driver.execute_script(PAGE_ID_JS)


def wait_for_new_page(driver, previous):
    # While the old page unloads, Chromium may answer with transient errors: those mean "not yet".
    WebDriverWait(driver, 20, ignored_exceptions=(WebDriverException,)).until(
        lambda driver: (page := current_page(driver)) is not None and page != previous)


class Learner:
    def __init__(self, driver, artifacts, url, language, direction, label=None):
        self.driver = driver
        # What the screenshots' names start with: the language, unless told otherwise.
        self.label = label or language
        self.artifacts = artifacts
        self.url = url
        self.language = language
        self.direction = direction
        self.shots = 0
        self.page_id = None

    # What the server sent for the page on screen, from Chromium's own network log.
    def raw_html(self):
        request_id = None
        for entry in self.driver.get_log("performance"):
            message = json.loads(entry["message"])["message"]
            params = message.get("params", {})
            if (message["method"] == "Network.responseReceived" and params.get("type") == "Document"
                    and params["response"]["url"].startswith("http")):
                request_id = params["requestId"]
        if request_id is None:
            return None
        body = self.driver.execute_cdp_cmd("Network.getResponseBody", {"requestId": request_id})
        return body["body"].encode("utf-8")

    def metrics(self, width, zoom):
        self.driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride", {
            "width": int(width / zoom), "height": int(PHONE[1] / zoom), "deviceScaleFactor": zoom, "mobile": True})

    def screenshot(self, name):
        size = self.driver.execute_cdp_cmd("Page.getLayoutMetrics", {})["cssContentSize"]
        shot = self.driver.execute_cdp_cmd("Page.captureScreenshot", {
            "format": "png", "captureBeyondViewport": True,
            "clip": {"x": 0, "y": 0, "width": size["width"], "height": size["height"], "scale": 1}})
        path = os.path.join(self.artifacts, name + ".png")
        with open(path, "wb") as file:
            file.write(base64.b64decode(shot["data"]))

    def check(self, step, expect_text=None, language=None, direction=None):
        """Checks the page on screen at every width, and saves its screenshots."""
        self.shots += 1
        name = f"{self.label}-{self.shots:02d}-{step}"
        raw = self.raw_html()
        if raw is None:
            fail(f"{name}: no document in the network log")
        else:
            if len(raw) >= MAX_PAGE_BYTES:
                fail(f"{name}: page is {len(raw)} bytes")
            parser = html5lib.HTMLParser(strict=True, namespaceHTMLElements=False)
            try:
                parser.parse(raw)
            except Exception as error:  # html5lib raises ParseError with the position
                fail(f"{name}: not valid HTML: {error}")
        # Right-to-left pages wrap names in invisible Unicode isolates (U+2068 … U+2069); read past them.
        shown = self.driver.find_element(By.TAG_NAME, "body").text.replace("\u2068", "").replace("\u2069", "")
        if expect_text and expect_text not in shown:
            fail(f"{name}: expected to see {expect_text!r}")
        for label, width, zoom in (("", PHONE[0], 1), ("-320", NARROW, 1), ("-320-zoom200", NARROW, 2)):
            self.metrics(width, zoom)
            css_width = int(width / zoom)
            for problem in self.driver.execute_script(CHECKS_JS, language or self.language, direction or self.direction,
                                                      css_width, zoom == 1 and width == PHONE[0]):
                fail(f"{name}{label}: {problem}")
            self.screenshot(name + label)
        self.metrics(PHONE[0], 1)

    def open(self, url):
        """Goes to `url`, as typed in the address bar."""
        self.driver.get(url)
        self.page_id = current_page(self.driver)

    def back(self):
        """The phone's Back button; saves a screenshot of the page it shows."""
        self.driver.back()
        wait_for_new_page(self.driver, self.page_id)
        self.page_id = current_page(self.driver)
        self.shots += 1
        self.screenshot(f"{self.label}-{self.shots:02d}-after-back")

    def press(self, css):
        """Presses a button and waits for the page it loads (each press is a full page load)."""
        self.driver.find_element(By.CSS_SELECTOR, css).click()
        wait_for_new_page(self.driver, self.page_id)
        self.page_id = current_page(self.driver)

    def type(self, field, text):
        box = self.driver.find_element(By.ID, field)
        box.clear()
        box.send_keys(text)


def start_chromium():
    """Headless Chromium at 360x640 as a phone, logging the network so each page's own HTML can be read."""
    options = webdriver.ChromeOptions()
    options.binary_location = os.environ.get("CHROMIUM", "/usr/bin/chromium")
    for argument in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                     "--no-first-run", f"--window-size={PHONE[0]},{PHONE[1]}"):
        options.add_argument(argument)
    options.set_capability("goog:loggingPrefs", {"performance": "ALL"})
    driver = webdriver.Chrome(service=Service(os.environ.get("CHROMEDRIVER", "/usr/bin/chromedriver")), options=options)
    driver.set_page_load_timeout(20)
    driver.execute_cdp_cmd("Network.enable", {})
    driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride", {
        "width": PHONE[0], "height": PHONE[1], "deviceScaleFactor": 1, "mobile": True})
    return driver


def speak(driver, language):
    """A cheap phone set to `language`, which it asks pages for."""
    driver.execute_cdp_cmd("Network.setUserAgentOverride", {
        "userAgent": "Mozilla/5.0 (Linux; Android 8.0; cheap phone) badgekiosk-browser-test",
        "acceptLanguage": language})


def staff_get(base, staff_token, path):
    """The service's staff API answer for `path`, as JSON."""
    request = urllib.request.Request(base + path, headers={"Authorization": f"Bearer {staff_token}"})
    with urllib.request.urlopen(request, timeout=10) as response:
        return json.load(response)
