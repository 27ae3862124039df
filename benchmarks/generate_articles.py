"""Write a folder of N synthetic news articles for the loading benchmarks.

Articles are ~600 words of news-style prose about recurring stories (so events repeat across
articles), with dates written every way the tagger meets them (absolute, relative, weekdays,
ranges), in varied formats: .txt with a date header, .md with front matter, .html pages with
metadata, JSON objects and JSON Lines. About 0.5% are broken (empty, binary, malformed JSON).

    python benchmarks/generate_articles.py OUT_FOLDER --articles 1000 [--seed 7]
"""

from __future__ import annotations

import argparse
import json
import random
from datetime import date, timedelta
from pathlib import Path

PLACES = ["Riverton", "Lakeside", "Port Ellis", "Northgate", "Cedar Falls", "Amberly", "Westmoor"]
PEOPLE = ["Mayor Linda Okafor", "Governor Sam Reyes", "Chief Maria Lopez", "Director Raúl Medina",
          "Senator Priya Shah", "CEO Tom Whitfield", "Judge Ana Kovacs"]
THINGS = ["the Harbor Bridge", "the city budget", "the water plant", "the transit strike",
          "the school merger", "the stadium deal", "the flood barrier", "the hospital expansion",
          "the housing plan", "the airport runway", "the library closure", "the police contract",
          "the tax referendum", "the river cleanup", "the power outage", "the rail tunnel",
          "the teachers' pay deal", "the wildfire response", "the port expansion", "the zoning law"]
VERBS = ["approved", "rejected", "announced", "delayed", "reviewed", "criticised", "defended",
         "postponed", "signed", "questioned"]
FILLER = ["Residents said they were worried about the cost.",
          "Officials did not respond to requests for comment.",
          "The council has debated the issue for months.",
          "Critics said the plan lacked detail, while supporters called it overdue.",
          "Several hundred people attended the public hearing.",
          "The measure needs a second vote before it takes effect.",
          "Local businesses said the uncertainty was hurting sales.",
          "An independent review is expected to cost about $2 million.",
          "The 54-year-old official has led the department since 2015.",
          "Traffic was diverted to side streets for most of the afternoon."]


# Ways news writes a date, each given the day meant, the publication date and the random source.
_PHRASES = [
    lambda day, pub, rng: f"on {day:%B} {day.day}, {day.year}",
    lambda day, pub, rng: f"on {day:%B} {day.day}",
    lambda day, pub, rng: f"on {pub - timedelta(days=rng.randint(1, 6)):%A}",
    lambda day, pub, rng: rng.choice(["last week", "earlier this month", "last year", "this week",
                                      "yesterday"]),
    lambda day, pub, rng: f"in {rng.choice(['early', 'mid-', 'late'])} {day:%B} {day.year}"
                          .replace("- ", "-"),
    lambda day, pub, rng: f"{rng.randint(2, 9)} days ago",
    lambda day, pub, rng: f"in the {rng.choice(['first', 'second', 'third', 'fourth'])} quarter "
                          f"of {day.year}",
    lambda day, pub, rng: f"from {day:%B} {day.day} to {day + timedelta(days=3):%B} "
                          f"{(day + timedelta(days=3)).day}",
    lambda day, pub, rng: f"in {day.year}",
]


def _date_phrase(rng: random.Random, published: date) -> str:
    day = published - timedelta(days=rng.randint(0, 400))
    return str(_PHRASES[rng.randrange(len(_PHRASES))](day, published, rng))


def _body(rng: random.Random, published: date, story: str) -> tuple[str, str]:
    place, person = rng.choice(PLACES), rng.choice(PEOPLE)
    title = f"{person.split()[-1]} {rng.choice(VERBS)} {story.replace('the ', '')} in {place}"
    paragraphs = []
    words = 0
    while words < 600:
        sentences = []
        for _ in range(rng.randint(2, 4)):
            if rng.random() < 0.25:  # news prose dates about one sentence in four
                s = (f"{person} {rng.choice(VERBS)} {story} {_date_phrase(rng, published)}, "
                     f"according to officials in {place}.")
            else:
                s = rng.choice(FILLER)
            sentences.append(s)
        paragraph = " ".join(sentences)
        words += len(paragraph.split())
        paragraphs.append(paragraph)
    return title, "\n\n".join(paragraphs)


def write_folder(out: Path, count: int, seed: int = 7) -> dict[str, int]:
    """Write ``count`` article files under ``out`` (sub-folders of 500); returns counts by kind."""
    rng = random.Random(seed)
    kinds: dict[str, int] = {}
    start = date(2019, 1, 1)
    for i in range(count):
        folder = out / f"batch{i // 500:03d}"
        folder.mkdir(parents=True, exist_ok=True)
        published = start + timedelta(days=rng.randint(0, 1800))
        story = THINGS[i % len(THINGS)]
        title, body = _body(rng, published, story)
        roll = rng.random()
        if roll < 0.005:
            kind = rng.choice(["empty", "binary", "badjson"])
            path = folder / f"{i:06d}-broken.{'json' if kind == 'badjson' else 'txt'}"
            data = {"empty": b"", "binary": bytes(range(256)) * 8, "badjson": b'{"title": "x", '}[kind]
            path.write_bytes(data)
        elif roll < 0.60:
            kind = "txt"
            (folder / f"{i:06d}.txt").write_text(f"{title}\ndate {published}\n\n{body}\n", encoding="utf-8")
        elif roll < 0.75:
            kind = "md"
            (folder / f"{i:06d}.md").write_text(
                f"---\ntitle: \"{title}\"\ndate: {published}\nsource: Riverton Daily\n---\n\n{body}\n",
                encoding="utf-8")
        elif roll < 0.90:
            kind = "html"
            paragraphs = "".join(f"<p>{p}</p>" for p in body.split("\n\n"))
            (folder / f"{i:06d}.html").write_text(
                f"<!DOCTYPE html><html><head><meta charset='utf-8'><title>{title}</title>"
                f"<meta property='article:published_time' content='{published}T09:00:00Z'>"
                f"<meta property='og:site_name' content='Lakeside Post'></head><body>"
                f"<nav><a href='/'>Home</a></nav><article><h1>{title}</h1>{paragraphs}</article>"
                f"<aside>Most read today</aside></body></html>", encoding="utf-8")
        else:
            kind = "json"
            (folder / f"{i:06d}.json").write_text(json.dumps(
                {"headline": title, "publishedAt": f"{published}T08:00:00Z",
                 "source": {"name": "Channel 7"}, "body": body}), encoding="utf-8")
        kinds[kind] = kinds.get(kind, 0) + 1
    return kinds


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("out", type=Path)
    ap.add_argument("--articles", type=int, default=1000)
    ap.add_argument("--seed", type=int, default=7)
    args = ap.parse_args()
    print(write_folder(args.out, args.articles, args.seed))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
