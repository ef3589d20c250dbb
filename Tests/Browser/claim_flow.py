#!/usr/bin/env python3
"""Drives the phone claim page in headless Chromium, as a learner would, and checks every page.

Run by `swift test` (Tests/KioskServiceTests/ClaimPageBrowserTests.swift) against a live
`badgekiosk serve`. Four whole claims, in English, Arabic (right to left), Ukrainian and Polish, at
360x640, each with an empty-name error, an email error, Back, the email check, a Change from the
last step and, after finishing, the phone's Back button and a second "Yes" (which must not claim
twice); the Ukrainian one starts at `/`, typing the short code. Then an unknown code. Every page is
also laid out at 320 px and at 320 px with 200% zoom, and each passes learner.py's checks (strict HTML
under 15 KB, lang and dir, labels, tap targets, contrast, no sideways scrolling, the main button above
the fold at 360x640).
Screenshots of every step go to $BADGEKIOSK_BROWSER_ARTIFACTS (default .build/browser-artifacts).
Exit status 0 when everything passed; otherwise the failures are printed, one per line.

Usage: claim_flow.py URL   (URL is http://HOST:PORT/c/TOKEN; $BADGEKIOSK_STAFF_TOKEN and
$BADGEKIOSK_SESSION_ID let it confirm through the staff API that all four claims were stored;
$BADGEKIOSK_SHORT_CODE is the session's short code, typed at `/`)
"""

import os
import signal
import sys

from selenium.webdriver.common.by import By

from learner import Learner, fail, failures, speak, staff_get, start_chromium


def claim(driver, artifacts, url, language, direction, name, typed_email, stored_email, words, short_code=None):
    speak(driver, language)
    learner = Learner(driver, artifacts, url, language, direction)
    if short_code:
        # No camera: the learner types the kiosk's address and the code from the screen, in lower case.
        learner.open(url.split("/c/")[0] + "/")
        learner.check("home", words["home"])
        learner.type("code", short_code.lower())
        learner.press("main form button.button")
    else:
        learner.open(url)
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
    learner.back()
    if not driver.find_elements(By.CSS_SELECTOR, "button[value=yes]"):
        fail(f"{language}: Back after finishing did not show the consent page")
        return
    learner.press("button[value=yes]")
    learner.check("done-again", words["again"])


def main():
    if len(sys.argv) != 2:
        print(__doc__, file=sys.stderr)
        return 2
    url = sys.argv[1]
    base = url.split("/c/")[0]
    artifacts = os.environ.get("BADGEKIOSK_BROWSER_ARTIFACTS", ".build/browser-artifacts")
    os.makedirs(artifacts, exist_ok=True)
    signal.alarm(int(os.environ.get("BADGEKIOSK_BROWSER_TIMEOUT", "420")))

    driver = start_chromium()
    try:
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
        speak(driver, "en")
        stranger = Learner(driver, artifacts, base + "/c/AAAAAAAAAAAAAAAAAAAAAA", "en", "ltr")
        stranger.open(stranger.url)
        stranger.check("unknown-code", "ask the person who taught you")
    finally:
        driver.quit()

    staff_token = os.environ.get("BADGEKIOSK_STAFF_TOKEN")
    session_id = os.environ.get("BADGEKIOSK_SESSION_ID")
    if staff_token and session_id:
        claimed = staff_get(base, staff_token, f"/api/v1/sessions/{session_id}")["session"]["claimed"]
        if claimed != 4:
            fail(f"expected 4 stored claims, found {claimed}")
    print(f"{len(failures)} problems; screenshots in {artifacts}", flush=True)
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
