#!/usr/bin/env python3
"""Checks the app's translations: complete, consistent, up to date, loaded.

    check_translations.py [--lupdate LUPDATE --sources-file FILE]
                          [--app MPTCP_MANAGER] TS_FILE...

For every .ts file:
* every message has a finished, non-empty translation (no "unfinished",
  "vanished" or "obsolete" entry), numerus forms included;
* the translation keeps the source's placeholders (%1, %2, ..., %n), its
  HTML tags, its keyboard accelerator ("&x", when the source has one) and
  its trailing ellipsis or colon;
With --lupdate: lupdate run over the sources (listed one per line in
--sources-file) into a copy of each file finds no string the file lacks,
i.e. nobody added a tr() without translating it.
With --app: `mptcp-manager --help` in each language prints the translated
description (the translations are built into the executable and loaded
from the user's locale).

Exit status 0 when all is well; every problem is printed with its context
and source text.
"""

import argparse
import os
import re
import shutil
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET

PLACEHOLDER = re.compile(r"%(?:\d+|n|L\d+)")
TAG = re.compile(r"</?([a-zA-Z]+)[^>]*>")
ACCELERATOR = re.compile(r"&(?!&)(?=[^\s;])")
ENTITY = re.compile(r"&[a-zA-Z]+;|&#\d+;")


def accelerators(text):
    # "&&" is a literal ampersand; "&amp;"-style entities are not accelerators.
    text = ENTITY.sub("", text.replace("&&", ""))
    return len(ACCELERATOR.findall(text))


def translations_of(message):
    translation = message.find("translation")
    if translation is None:
        return None, []
    forms = translation.findall("numerusform")
    texts = [f.text or "" for f in forms] if forms else [translation.text or ""]
    return translation, texts


def check_file(path):
    problems = []
    root = ET.parse(path).getroot()
    count = 0
    for context in root.findall("context"):
        name = context.findtext("name")
        for message in context.findall("message"):
            count += 1
            source = message.findtext("source") or ""
            translation, texts = translations_of(message)
            where = f"{os.path.basename(path)}: {name}: {source[:70]!r}"
            if translation is None:
                problems.append(f"{where}: no translation element")
                continue
            kind = translation.get("type")
            if kind in ("unfinished", "vanished", "obsolete"):
                problems.append(f"{where}: {kind}")
                continue
            for text in texts:
                if not text.strip():
                    problems.append(f"{where}: empty translation")
                    continue
                want = sorted(set(PLACEHOLDER.findall(source)))
                have = sorted(set(PLACEHOLDER.findall(text)))
                if message.get("numerus") == "yes":
                    want = [p for p in want if p != "%n"]
                    have = [p for p in have if p != "%n"]
                if want != have:
                    problems.append(f"{where}: placeholders {want} in the source, {have} in "
                                    f"{text[:70]!r}")
                if sorted(TAG.findall(source)) != sorted(TAG.findall(text)):
                    problems.append(f"{where}: HTML tags differ in {text[:70]!r}")
                if accelerators(source) != accelerators(text):
                    problems.append(f"{where}: the accelerator (&) is lost or doubled in "
                                    f"{text[:70]!r}")
                for ending in ("…", ":"):
                    if source.rstrip().endswith(ending) and not text.rstrip().endswith(ending):
                        problems.append(f"{where}: the source ends with {ending!r}, "
                                        f"{text[:70]!r} does not")
    if count == 0:
        problems.append(f"{path}: no message at all")
    return problems, count


def check_up_to_date(lupdate, sources_file, ts_files):
    problems = []
    with open(sources_file, encoding="utf-8") as f:
        sources = [line.strip() for line in f if line.strip()]
    with tempfile.TemporaryDirectory() as tmp:
        for path in ts_files:
            copy = os.path.join(tmp, os.path.basename(path))
            shutil.copy(path, copy)
            proc = subprocess.run([lupdate, "-silent", "-no-obsolete", "-locations", "none",
                                   *sources, "-ts", copy], capture_output=True, text=True)
            if proc.returncode != 0:
                problems.append(f"lupdate failed on {path}: {proc.stderr.strip()}")
                continue
            fresh, _ = check_file(copy)
            problems += [f"not in the .ts file yet (run the update_translations target and "
                         f"translate): {p}" for p in fresh if p.endswith(": unfinished")]
    return problems


def check_app(app, ts_files):
    problems = []
    english = subprocess.run([app, "--help"], capture_output=True, text=True,
                             env=dict(os.environ, LANG="C", LC_ALL="C", LANGUAGE="",
                                      QT_QPA_PLATFORM="offscreen"), timeout=60).stdout
    for path in ts_files:
        language = ET.parse(path).getroot().get("language")
        proc = subprocess.run([app, "--help"], capture_output=True, text=True, timeout=60,
                              env=dict(os.environ, LANG=f"{language}.UTF-8",
                                       LC_ALL=f"{language}.UTF-8", LANGUAGE=language,
                                       QT_QPA_PLATFORM="offscreen"))
        if proc.returncode != 0 or not proc.stdout.strip():
            problems.append(f"{app} --help in {language} failed: {proc.stderr.strip()}")
        elif proc.stdout == english:
            problems.append(f"{app} --help in {language} prints the English text:\n"
                            f"{proc.stdout}")
    return problems


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--lupdate")
    parser.add_argument("--sources-file")
    parser.add_argument("--app")
    parser.add_argument("ts_files", nargs="+")
    args = parser.parse_args()
    problems = []
    for path in args.ts_files:
        found, count = check_file(path)
        problems += found
        print(f"{path}: {count} messages, {len(found)} problems")
    if args.lupdate:
        problems += check_up_to_date(args.lupdate, args.sources_file, args.ts_files)
    if args.app:
        problems += check_app(args.app, args.ts_files)
    for problem in problems:
        print(problem)
    print(f"translations: {len(problems)} problems")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
