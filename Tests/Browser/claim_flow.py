#!/usr/bin/env python3
"""Drives the phone claim page in headless Chromium, as a learner would, and checks every page.

Run by `swift test` (Tests/KioskServiceTests/ClaimPageBrowserTests.swift) against a live
`badgekiosk serve`. Four whole claims, in English, Arabic (right to left), Ukrainian and Polish, at
360x640, each with an empty-name error, an email error, Back, the email check, a Change from the
last step and, after finishing, the phone's Back button and a second "Yes" (which must not claim
twice); the Ukrainian one starts at `/`, typing the short code. Then an unknown code. Every page is
also laid out at 320 px and at 320 px with 200% zoom. For each page:
  - the exact HTML the server sent parses with html5lib in strict mode, and is under 15 KB;
  - lang and dir are set; every field has a label; tap targets are at least 44x44 px;
  - every piece of text has a contrast of at least 4.5:1 against what is behind it;
  - nothing scrolls sideways;
  - at 360x640 the page's main button shows without scrolling.
Screenshots of every step go to $BADGEKIOSK_BROWSER_ARTIFACTS (default .build/browser-artifacts).
Exit status 0 when everything passed; otherwise the failures are printed, one per line.

Usage: claim_flow.py URL   (URL is http://HOST:PORT/c/TOKEN; $BADGEKIOSK_STAFF_TOKEN and
$BADGEKIOSK_SESSION_ID let it confirm through the staff API that all four claims were stored;
$BADGEKIOSK_SHORT_CODE is the session's short code, typed at `/`)
"""

import base64
import json
import os
import signal
import sys
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
    def __init__(self, driver, artifacts, url, language, direction):
        self.driver = driver
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
        name = f"{self.language}-{self.shots:02d}-{step}"
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

    def press(self, css):
        """Presses a button and waits for the page it loads (each press is a full page load)."""
        self.driver.find_element(By.CSS_SELECTOR, css).click()
        wait_for_new_page(self.driver, self.page_id)
        self.page_id = current_page(self.driver)

    def type(self, field, text):
        box = self.driver.find_element(By.ID, field)
        box.clear()
        box.send_keys(text)


def claim(driver, artifacts, url, language, direction, name, typed_email, stored_email, words, short_code=None):
    driver.execute_cdp_cmd("Network.setUserAgentOverride", {
        "userAgent": "Mozilla/5.0 (Linux; Android 8.0; cheap phone) badgekiosk-browser-test",
        "acceptLanguage": language})
    learner = Learner(driver, artifacts, url, language, direction)
    if short_code:
        # No camera: the learner types the kiosk's address and the code from the screen, in lower case.
        driver.get(url.split("/c/")[0] + "/")
        learner.page_id = current_page(driver)
        learner.check("home", words["home"])
        learner.type("code", short_code.lower())
        learner.press("main form button.button")
    else:
        driver.get(url)
        learner.page_id = current_page(driver)
    learner.check("start", words["start"])
    learner.press("main form button.button")
    learner.check("name", words["name"])
    learner.press("main form button.button")
    learner.check("name-error", words["name_error"])
    learner.type("name", name)
    learner.press("main form button.button")
    learner.check("email", words["email"])
    learner.type("email", "name at example")
    learner.press("main form button.button")
    learner.check("email-error")
    if not driver.find_elements(By.CSS_SELECTOR, ".errors a[href='#email']"):
        fail(f"{language}: an address without @ got no error summary")
    learner.press("button.back")
    learner.check("back-to-name")
    kept = driver.find_element(By.ID, "name").get_attribute("value")
    if kept != name:
        fail(f"{language}: Back lost the name (got {kept!r})")
    learner.press("main form button.button")
    learner.type("email", typed_email)
    learner.press("main form button.button")
    learner.check("check", stored_email if typed_email == stored_email else words["suggestion"])
    learner.press("button[value=suggestion]" if typed_email != stored_email else "button[value=yes]")
    learner.check("consent", words["consent"])
    # Check your answers: Change the name, keep it, and come back to the last step with everything kept.
    learner.press("button[value=changeName]")
    learner.check("change-name", words["name"])
    if driver.find_element(By.ID, "name").get_attribute("value") != name:
        fail(f"{language}: Change lost the name")
    learner.press("main form button.button")
    learner.press("main form button.button")
    learner.press("button[value=yes]")
    learner.check("consent-after-change", words["consent"])
    if language == "en":
        # The switch keeps the answers: the Arabic consent page still shows the learner's name.
        learner.press("nav button[lang=ar]")
        learner.check("consent-switched", name, language="ar", direction="rtl")
        learner.press("nav button[lang=en]")
        learner.check("consent-switched-back", words["consent"])
    learner.press("button[value=yes]")
    learner.check("done", words["done"])
    # Back after finishing shows the consent page again, not the browser's "resubmit?" error, and
    # pressing Yes again says the badge is already on its way instead of claiming twice.
    driver.back()
    wait_for_new_page(driver, learner.page_id)
    learner.page_id = current_page(driver)
    learner.shots += 1
    learner.screenshot(f"{language}-{learner.shots:02d}-after-back")
    if not driver.find_elements(By.CSS_SELECTOR, "button[value=yes]"):
        fail(f"{language}: Back after finishing did not show the consent page")
        return
    learner.press("button[value=yes]")
    learner.check("done-again", words["again"])


def stored_claims(base, staff_token, session_id):
    request = urllib.request.Request(f"{base}/api/v1/sessions/{session_id}",
                                     headers={"Authorization": f"Bearer {staff_token}"})
    with urllib.request.urlopen(request, timeout=10) as response:
        return json.load(response)["session"]["claimed"]


def main():
    if len(sys.argv) != 2:
        print(__doc__, file=sys.stderr)
        return 2
    url = sys.argv[1]
    base = url.split("/c/")[0]
    artifacts = os.environ.get("BADGEKIOSK_BROWSER_ARTIFACTS", ".build/browser-artifacts")
    os.makedirs(artifacts, exist_ok=True)
    signal.alarm(int(os.environ.get("BADGEKIOSK_BROWSER_TIMEOUT", "420")))

    options = webdriver.ChromeOptions()
    options.binary_location = os.environ.get("CHROMIUM", "/usr/bin/chromium")
    for argument in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                     "--no-first-run", f"--window-size={PHONE[0]},{PHONE[1]}"):
        options.add_argument(argument)
    options.set_capability("goog:loggingPrefs", {"performance": "ALL"})
    driver = webdriver.Chrome(service=Service(os.environ.get("CHROMEDRIVER", "/usr/bin/chromedriver")), options=options)
    try:
        driver.set_page_load_timeout(20)
        driver.execute_cdp_cmd("Network.enable", {})
        driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride", {
            "width": PHONE[0], "height": PHONE[1], "deviceScaleFactor": 1, "mobile": True})
        claim(driver, artifacts, url, "en", "ltr", "Amira", "amira@gmial.com", "amira@gmail.com", {
            "start": "Collect your badge", "name": "What is your first name?", "name_error": "Type your first name.",
            "email": "What is your email address?", "suggestion": "Did you mean",
            "consent": "Open Badge Factory", "done": "Well done, Amira!",
            "again": "We already have your details."})
        claim(driver, artifacts, url, "ar", "rtl", "أمل", "amal@example.com", "amal@example.com", {
            "start": "احصل على شارتك", "name": "ما اسمك الأول؟", "name_error": "اكتب اسمك الأول.",
            "email": "ما عنوان بريدك الإلكتروني؟", "suggestion": "",
            "consent": "Open Badge Factory", "done": "أحسنت يا أمل!",
            "again": "لدينا بياناتك بالفعل."})
        claim(driver, artifacts, url, "uk", "ltr", "Олена", "olena@ukr.net", "olena@ukr.net", {
            "home": "Введіть свій код", "start": "Отримайте свій значок", "name": "Яке ваше ім’я?",
            "name_error": "Напишіть своє ім’я.", "email": "Яка ваша адреса електронної пошти?", "suggestion": "",
            "consent": "Open Badge Factory", "done": "Олена", "again": "У нас уже є ваші дані."},
            short_code=os.environ.get("BADGEKIOSK_SHORT_CODE"))
        claim(driver, artifacts, url, "pl", "ltr", "Zofia", "zofia@wp.pl", "zofia@wp.pl", {
            "start": "Odbierz swoją odznakę", "name": "Jak masz na imię?", "name_error": "Wpisz swoje imię.",
            "email": "Jaki jest Twój adres e-mail?", "suggestion": "", "consent": "Open Badge Factory",
            "done": "Zofia", "again": "Mamy już Twoje dane."})
        # A code that does not exist gets a page that says what to do, not an error dump.
        driver.execute_cdp_cmd("Network.setUserAgentOverride", {"userAgent": "badgekiosk-browser-test",
                                                                 "acceptLanguage": "en"})
        stranger = Learner(driver, artifacts, base + "/c/AAAAAAAAAAAAAAAAAAAAAA", "en", "ltr")
        driver.get(stranger.url)
        stranger.check("unknown-code", "ask the person who taught you")
    finally:
        driver.quit()

    staff_token = os.environ.get("BADGEKIOSK_STAFF_TOKEN")
    session_id = os.environ.get("BADGEKIOSK_SESSION_ID")
    if staff_token and session_id:
        claimed = stored_claims(base, staff_token, session_id)
        if claimed != 4:
            fail(f"expected 4 stored claims, found {claimed}")
    print(f"{len(failures)} problems; screenshots in {artifacts}", flush=True)
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
