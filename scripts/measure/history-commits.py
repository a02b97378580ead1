#!/usr/bin/env python3
# Makes a content history for the history benchmark (docs/performance.md#content-history-git): git init in ROOT (a
# `gongkai sample` output), one commit of everything, then N commits each adding 1 to one seeded-random 预算数 total.
# Usage: scripts/measure/history-commits.py ROOT N
# The repository is left partly loose and partly packed; `git clone -q --no-local ROOT CLONE` gives one pack, as a CI
# checkout has it (the figures in docs/performance.md are of such a clone).
import os, re, random, subprocess, sys, datetime
root = sys.argv[1]; n = int(sys.argv[2])
env = dict(os.environ, GIT_AUTHOR_NAME="bench", GIT_AUTHOR_EMAIL="b@example.org",
           GIT_COMMITTER_NAME="bench", GIT_COMMITTER_EMAIL="b@example.org")
def git(*a, date):
    e = dict(env, GIT_AUTHOR_DATE=date, GIT_COMMITTER_DATE=date)
    subprocess.run(["git", "-c", "commit.gpgsign=false", *a], cwd=root, env=e, check=True, stdout=subprocess.DEVNULL)
years = sorted(os.path.join(d, f) for d, _, fs in os.walk(root) if ".git" not in d for f in fs if re.fullmatch(r"(19|20)\d\d\.yaml", f))
rnd = random.Random(16)
day = datetime.datetime(2024, 1, 1, 10)
subprocess.run(["git", "init", "-q", "-b", "main"], cwd=root, check=True)
git("add", "-A", date=day.strftime("%Y-%m-%dT%H:%M:%S+08:00"))
git("commit", "-q", "-m", "initial", date=day.strftime("%Y-%m-%dT%H:%M:%S+08:00"))
for i in range(n):
    path = rnd.choice(years)
    text = open(path, encoding="utf-8").read()
    totals = [m for m in re.finditer(r"(\n\s+total: )([0-9.]+)", text)]
    m = rnd.choice(totals)
    new = f"{float(m.group(2)) + 1:.2f}"
    text = text[:m.start(2)] + new + text[m.end(2):]
    open(path, "w", encoding="utf-8").write(text)
    day += datetime.timedelta(hours=6)
    d = day.strftime("%Y-%m-%dT%H:%M:%S+08:00")
    git("add", path, date=d)
    git("commit", "-q", "-m", f"edit {i}", date=d)
print("done", n)
