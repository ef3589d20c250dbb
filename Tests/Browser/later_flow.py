#!/usr/bin/env python3
"""Drives the phone pages for a learner with no email, in headless Chromium, and checks every page.

Run by `swift test` (Tests/KioskServiceTests/ClaimPageBrowserTests.swift) against a live
`badgekiosk serve` forwarding to the issuer simulator. In English, Arabic (right to left), Ukrainian
and Polish, a learner with no email claims with a first name only ("I do not have an email address")
and is shown a code; the claim waits, and nothing reaches the issuer. Later, at `/` or `/e/`, they type
the code wrong (and are told so, the field keeping what they typed), then right, and go on to `/e/{code}`,
where a bad email is refused with its message and a good one finishes: the done page names the
session's badge, the claim leaves the waiting list and its award reaches the issuer. The phone's
Back and Yes again say the code was used. Nothing is lost on the way: after each refusal the claim
still waits. Every page passes learner.py's checks at 360x640, 320 px and 320 px with 200% zoom.
Screenshots go to $BADGEKIOSK_BROWSER_ARTIFACTS (default .build/browser-artifacts).
Exit status 0 when everything passed; otherwise the failures are printed, one per line.

Usage: later_flow.py URL   (URL is http://HOST:PORT/c/TOKEN; $BADGEKIOSK_STAFF_TOKEN reads the
waiting list and $BADGEKIOSK_SESSION_ID the session; $BADGEKIOSK_ISSUER_URL is the simulator, whose
`GET /_sim/awards` shows what reached it; $BADGEKIOSK_BADGE_NAME is the session's badge)
"""

import json
import os
import signal
import sys
import time
import urllib.request

from selenium.webdriver.common.by import By

from learner import Learner, fail, failures, speak, staff_get, start_chromium

# Each learner's words: the pages' headings and messages in their language.
LEARNERS = [
    ("en", "ltr", "Amira", "amira@gmial.com", "amira@gmail.com", {
        "none": "I do not have an email address", "keep": "Can we keep your name?", "kept": "Your badge is kept for you.",
        "home": "Type your code", "wrong": "We do not know that code.", "later": "Add your email to collect your badge",
        "error": "There is a problem", "check": "Did you mean", "consent": "Can we share your name and email?",
        "done": "Well done, Amira!", "used": "it was used already"}),
    ("ar", "rtl", "أمل", "amal@example.com", "amal@example.com", {
        "none": "ليس لدي بريد إلكتروني", "keep": "هل يمكننا حفظ اسمك؟", "kept": "شارتك محفوظة لك.",
        "home": "اكتب رمزك", "wrong": "لا نعرف هذا الرمز.", "later": "أضف بريدك الإلكتروني لتحصل على شارتك",
        "error": "هناك مشكلة", "check": "amal@example.com", "consent": "Open Badge Factory",
        "done": "أحسنت يا أمل!", "used": "أنه استُخدم من قبل"}),
    ("uk", "ltr", "Олена", "olena@ukr.net", "olena@ukr.net", {
        "none": "У мене немає електронної пошти", "keep": "Чи можна зберегти ваше ім’я?", "kept": "Ваш значок чекає на вас.",
        "home": "Введіть свій код", "wrong": "Ми не знаємо такого коду.",
        "later": "Додайте електронну пошту, щоб отримати значок", "error": "Є проблема", "check": "olena@ukr.net",
        "consent": "Open Badge Factory", "done": "Олена", "used": "його вже використано"}),
    ("pl", "ltr", "Zofia", "zofia@wp.pl", "zofia@wp.pl", {
        "none": "Nie mam adresu e-mail", "keep": "Czy możemy zapisać Twoje imię?", "kept": "Twoja odznaka czeka na Ciebie.",
        "home": "Wpisz swój kod", "wrong": "Nie znamy tego kodu.", "later": "Dodaj adres e-mail, aby odebrać odznakę",
        "error": "Jest problem", "check": "zofia@wp.pl", "consent": "Open Badge Factory", "done": "Zofia",
        "used": "został już użyty"}),
]

# Letters a later code can hold: a wrong code is the right one with its last letter changed.
ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ"


class Kiosk:
    """What the learner cannot see: the staff API and the issuer simulator."""

    def __init__(self, base):
        self.base = base
        self.staff_token = os.environ["BADGEKIOSK_STAFF_TOKEN"]
        self.session_id = os.environ["BADGEKIOSK_SESSION_ID"]
        self.issuer = os.environ["BADGEKIOSK_ISSUER_URL"]

    def waiting_codes(self):
        return {claim["code"]: claim["name"] for claim in staff_get(self.base, self.staff_token, "/api/v1/claims/waiting")["claims"]}

    def session(self):
        return staff_get(self.base, self.staff_token, f"/api/v1/sessions/{self.session_id}")["session"]

    def issued(self):
        with urllib.request.urlopen(self.issuer + "/_sim/awards", timeout=10) as response:
            return json.load(response)["awards"]

    def still_waits(self, code, name, where):
        if self.waiting_codes().get(code) != name:
            fail(f"{where}: the claim of {name} under {code} no longer waits")


def keep_without_email(learner, words, name):
    """Claims on the phone page with a first name only; the later code shown, as the page shows it."""
    learner.open(learner.url)
    learner.press("main form button.button")
    learner.type("name", name)
    learner.press("main form button.button")
    learner.check("email", words["none"])
    learner.press("button[value=later]")
    learner.check("consent-later", words["keep"])
    learner.press("button[value=yes]")
    learner.check("kept", words["kept"])
    codes = learner.driver.find_elements(By.CSS_SELECTOR, "span.kept")
    return codes[0].text if codes else None


def add_email(learner, kiosk, words, name, code, typed_email, stored_email, start):
    """At `start` (`/` or `/e/`), the code typed wrong then right; at `/e/{code}`, a bad email then a
    good one, to the done page."""
    learner.open(kiosk.base + start)
    learner.check("home", words["home"])
    wrong = code[:-1] + next(letter for letter in ALPHABET if letter != code[-1])
    learner.type("code", wrong)
    learner.press("main form button.button")
    learner.check("home-wrong-code", words["wrong"])
    if learner.driver.find_element(By.ID, "code").get_attribute("value") != wrong:
        fail(f"{learner.label}: a wrong code was not kept in the field")
    kiosk.still_waits(code, name, f"{learner.label} after a wrong code")
    # As someone copying from a slip might: lower case, spaces for the dashes.
    learner.type("code", code.lower().replace("-", " "))
    learner.press("main form button.button")
    learner.check("later-email", words["later"])
    if "/e/" not in learner.driver.current_url:
        fail(f"{learner.label}: the code did not lead to /e/ (at {learner.driver.current_url})")
    learner.type("email", "name at example")
    learner.press("main form button.button")
    learner.check("later-email-error", words["error"])
    if not learner.driver.find_elements(By.CSS_SELECTOR, ".errors a[href='#email']"):
        fail(f"{learner.label}: an address without @ got no error summary at /e/")
    if learner.driver.find_element(By.ID, "email").get_attribute("value") != "name at example":
        fail(f"{learner.label}: the refused email was not kept in the field")
    kiosk.still_waits(code, name, f"{learner.label} after a bad email")
    learner.type("email", typed_email)
    learner.press("main form button.button")
    learner.check("later-check", words["check"])
    learner.press("button[value=suggestion]" if typed_email != stored_email else "button[value=yes]")
    learner.check("later-consent", words["consent"])
    learner.press("button[value=yes]")
    learner.check("later-done", words["done"])
    shown = learner.driver.find_element(By.TAG_NAME, "body").text
    if os.environ["BADGEKIOSK_BADGE_NAME"] not in shown:
        fail(f"{learner.label}: the done page at /e/ does not name the badge")
    if stored_email not in shown.replace("\n", ""):
        fail(f"{learner.label}: the done page at /e/ does not show {stored_email}")


def reached_issuer(kiosk, email, name):
    """Waits for the learner's award at the issuer simulator; true when it came, once."""
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        awards = [award for award in kiosk.issued() if award["email"] == email]
        if awards:
            time.sleep(0.5)
            awards = [award for award in kiosk.issued() if award["email"] == email]
            if len(awards) != 1 or awards[0]["name"] != name:
                fail(f"the issuer got {awards} for {email}")
            return True
        time.sleep(0.2)
    return False


def main():
    if len(sys.argv) != 2:
        print(__doc__, file=sys.stderr)
        return 2
    url = sys.argv[1]
    kiosk = Kiosk(url.split("/c/")[0])
    artifacts = os.environ.get("BADGEKIOSK_BROWSER_ARTIFACTS", ".build/browser-artifacts")
    os.makedirs(artifacts, exist_ok=True)
    signal.alarm(int(os.environ.get("BADGEKIOSK_BROWSER_TIMEOUT", "420")))

    driver = start_chromium()
    try:
        for language, direction, name, typed_email, stored_email, words in LEARNERS:
            speak(driver, language)
            learner = Learner(driver, artifacts, url, language, direction, label=f"later-{language}")
            code = keep_without_email(learner, words, name)
            if not code:
                fail(f"{language}: the kept page shows no code")
                continue
            kiosk.still_waits(code, name, f"{language} once kept")
            if kiosk.session()["waitingForEmail"] != 1:
                fail(f"{language}: the session does not count one claim waiting for an email")
            if any(award["name"] == name for award in kiosk.issued()):
                fail(f"{language}: an award for {name} reached the issuer with no email")
            # Two go to the kiosk's address, two to the kept page's address without its code.
            start = "/e/" if language in ("en", "ar") else "/"
            add_email(learner, kiosk, words, name, code, typed_email, stored_email, start)
            if code in kiosk.waiting_codes():
                fail(f"{language}: the claim still waits after its email was added")
            if not reached_issuer(kiosk, stored_email, name):
                fail(f"{language}: the award for {stored_email} never reached the issuer")
            # Back to the last step and Yes again: the code is spent, and the page says so.
            learner.back()
            learner.press("button[value=yes]")
            learner.check("later-used", words["used"])
        if kiosk.session()["waitingForEmail"] != 0:
            fail("claims still wait for an email at the end")
    finally:
        driver.quit()
    print(f"{len(failures)} problems; screenshots in {artifacts}", flush=True)
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
