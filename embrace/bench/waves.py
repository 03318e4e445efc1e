"""Grouping flood waves: the CPU the waves page spends comparing the first messages it opened.

The texts are made here (a scripted wave with a number and a name changed in each copy, and as many
enquiries written each in their own words, from a Burmese and English vocabulary), so the figure is the
grouping alone; opening the envelopes is ``open_many``, measured by the custody bench. Reported for the
default window (500) and four times it, to show how the cost grows (at worst with the square of the number
of distinct texts).
"""

from __future__ import annotations

import functools
import random

from embrace.bench.harness import Benchmark, Row, median_seconds

WORDS = (
    "soldier",
    "police",
    "family",
    "leave",
    "army",
    "battalion",
    "help",
    "please",
    "reward",
    "rifle",
    "truck",
    "village",
    "brother",
    "wife",
    "children",
    "afraid",
    "come",
    "over",
    "how",
    "when",
    "where",
    "money",
    "border",
    "boat",
    "night",
    "road",
    "checkpoint",
    "phone",
    "ကျွန်တော်",
    "တပ်ကြပ်ကြီး",
    "မိသားစု",
    "ထွက်ချင်",
    "ဆက်သွယ်",
    "ဘယ်လို",
    "ညီ",
    "အမေ",
    "ရွာ",
    "နယ်စပ်",
    "ည",
    "လမ်း",
)


def _texts(count: int, rng: random.Random) -> list[str]:
    script = " ".join(rng.choice(WORDS) for _ in range(30))
    wave = [
        script.replace(WORDS[0], f"{WORDS[0]} {i}", 1) + f" unit {rng.randint(1, 999)}"
        for i in range(count // 2)
    ]
    genuine = [
        " ".join(rng.choice(WORDS) for _ in range(rng.randint(8, 40))) for _ in range(count - len(wave))
    ]
    return wave + genuine


def waves_run() -> list[Row]:
    from embrace.cases.waves import group_texts

    rng = random.Random(11)  # noqa: S311  (made-up texts, not a secret)
    rows = []
    base = 0.0
    for count in (500, 2000):
        texts = _texts(count, rng)
        groups = group_texts(texts)
        seconds = median_seconds(functools.partial(group_texts, texts), runs=3)
        base = base or seconds
        rows.append(
            Row(
                f"group {count} first messages (half one wave)",
                seconds * 1000,
                "ms",
                f"largest group {len(groups[0])}; {seconds / base:.1f} times the 500 figure",
            )
        )
    return rows


BENCHMARKS = [
    Benchmark(
        "waves",
        "Grouping flood waves",
        "The waves page's grouping of first messages (normalise, word-pair shingles, Jaccard ≥ 0.8), "
        "for the default window of 500 new enquiries and for 2,000.",
        waves_run,
    )
]
