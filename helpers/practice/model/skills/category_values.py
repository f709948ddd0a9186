"""Everyday categories and their usual members: what a model knows "Android" is (a platform), "Finance" (a
department), "intermediate" (a level).

A key named for a category (``platform``, ``department``, ``level``, ``cuisine``) is filled with the member
the text names, wherever it stands: "Version 4.2.1 on Android crashes" gives ``platform`` "Android" though
no label says so. Kept to categories a prompt's keys commonly name; the members are everyday words.

    members(Field("department"), Source("Welcome Jonas Weber, joining Finance on 2025-02-03."))
    # [Found('Finance', 35, 42, 3.6)]
"""
from __future__ import annotations

import re

from .field_kinds import Field
from .text_source import Found, Source

__all__ = ["CATEGORIES", "members"]


def _table(rows: dict[str, str]) -> dict[str, tuple[str, ...]]:
    return {key: tuple(m.strip() for m in members.split(",")) for key, members in rows.items()}


#: A category's name (a key's word) and its members, as a text may write them.
CATEGORIES = _table({
    "platform": "Android, iOS, iPadOS, Windows, macOS, Linux, ChromeOS, web, iPhone, iPad, Mac, PlayStation, Xbox, "
                "Nintendo Switch, Steam",
    "os": "Android, iOS, Windows, macOS, Linux, ChromeOS, Ubuntu, Debian",
    "browser": "Chrome, Firefox, Safari, Edge, Opera, Brave",
    "department": "Finance, Sales, Marketing, HR, Human Resources, IT, Legal, Engineering, Operations, Support, "
                  "Customer Service, Accounting, Procurement, Research, R&D, Design, Product, Logistics, "
                  "Facilities, Security, Compliance, Admissions, Radiology, Cardiology, Pediatrics, Oncology, "
                  "Emergency, Pharmacy, Maintenance, Purchasing, Payroll, Communications",
    "team": "Finance, Sales, Marketing, HR, IT, Legal, Engineering, Operations, Support, Design, Product, Data",
    "level": "beginner, novice, elementary, pre-intermediate, intermediate, upper-intermediate, advanced, "
             "proficient, fluent, native, expert, basic, A1, A2, B1, B2, C1, C2",
    "skill_level": "beginner, intermediate, advanced, expert",
    "difficulty": "easy, moderate, medium, hard, difficult, challenging, strenuous",
    "cuisine": "Italian, French, Thai, Indian, Japanese, Chinese, Mexican, Greek, Spanish, Turkish, Lebanese, "
               "Vietnamese, Korean, Ethiopian, Moroccan, Peruvian, American, British, Portuguese, Georgian",
    "genre": "rock, pop, jazz, blues, classical, hip-hop, hip hop, rap, folk, country, metal, punk, reggae, soul, "
             "techno, house, electronic, indie, opera, drama, comedy, thriller, horror, romance, documentary, "
             "science fiction, sci-fi, fantasy, crime, mystery, biography, poetry, musical, animation, western",
    "sport": "football, soccer, tennis, basketball, cricket, rugby, golf, swimming, cycling, running, hockey, "
             "volleyball, badminton, squash, baseball, boxing, climbing, rowing, skiing, athletics, padel",
    "payment_method": "credit card, debit card, card, cash, bank transfer, PayPal, Apple Pay, Google Pay, cheque, "
                      "check, invoice, direct debit",
    "payment": "credit card, debit card, cash, bank transfer, PayPal, Apple Pay, Google Pay, cheque, direct debit",
    "method": "credit card, debit card, cash, bank transfer, PayPal, Apple Pay, Google Pay, cheque, direct debit",
    "instrument": "piano, guitar, violin, cello, viola, drums, flute, clarinet, saxophone, trumpet, trombone, "
                  "harp, ukulele, bass, keyboard, oboe, accordion",
    "fuel": "petrol, diesel, electric, hybrid, gas, LPG, hydrogen",
    "fuel_type": "petrol, diesel, electric, hybrid, plug-in hybrid, LPG, hydrogen",
    "transmission": "manual, automatic",
    "material": "cotton, wool, linen, silk, leather, polyester, nylon, denim, cashmere, oak, pine, walnut, steel, "
                "aluminium, aluminum, glass, plastic, ceramic, bamboo, marble, concrete, brick",
    "fabric": "cotton, wool, linen, silk, polyester, nylon, denim, cashmere, velvet, tweed",
    "diet": "vegan, vegetarian, pescatarian, gluten-free, halal, kosher, dairy-free, keto, paleo",
    "mode": "bus, train, tram, metro, subway, car, taxi, bike, bicycle, walking, ferry, plane, coach",
    "transport": "bus, train, tram, metro, subway, car, taxi, bike, bicycle, ferry, plane, coach",
    "weather": "sunny, cloudy, rainy, snowy, windy, foggy, stormy, overcast, clear, drizzle, showers",
    "conditions": "sunny, cloudy, rainy, snowy, windy, foggy, stormy, overcast, clear, icy",
    "activity": "swimming, running, cycling, walking, hiking, yoga, pilates, rowing, climbing, skiing, dancing, "
                "boxing, tennis, football, gym, spinning, jogging, weightlifting, kayaking, surfing",
    "exercise": "swimming, running, cycling, walking, hiking, yoga, pilates, rowing, climbing, jogging",
    "workout": "swimming, running, cycling, walking, hiking, yoga, pilates, rowing, spinning, weights",
    "season": "spring, summer, autumn, fall, winter",
    "meal": "breakfast, brunch, lunch, dinner, supper",
    "species": "dog, cat, rabbit, hamster, guinea pig, parrot, horse, ferret, tortoise, budgie, goldfish",
    "animal": "dog, cat, rabbit, hamster, guinea pig, parrot, horse, ferret, tortoise, budgie, goldfish",
    "pet_type": "dog, cat, rabbit, hamster, guinea pig, parrot, horse, ferret, tortoise, budgie",
    "blood_type": "A+, A-, B+, B-, AB+, AB-, O+, O-",
    "cabin": "economy, premium economy, business, first",
    "class": "economy, premium economy, business, first, standard, first class",
    "room_type": "single, double, twin, suite, family, studio, king, queen, deluxe",
    "shift": "morning, afternoon, evening, night, early, late, day",
    "contract": "full-time, part-time, temporary, permanent, fixed-term, freelance",
    "employment_type": "full-time, part-time, temporary, permanent, fixed-term, freelance, contract",
    "status": "pending, approved, rejected, shipped, delivered, cancelled, canceled, open, closed, resolved, "
              "in progress, on hold, active, inactive, overdue, paid, unpaid, confirmed, delayed, boarding, "
              "completed, failed",
    "environment": "production, prod, staging, development, dev, test, testing, QA, UAT, sandbox, preview, live",
    "env": "production, prod, staging, development, dev, test, QA, UAT, sandbox, preview",
    "grape": "Riesling, Chardonnay, Merlot, Pinot Noir, Pinot Grigio, Pinot Gris, Syrah, Shiraz, Cabernet Sauvignon, "
             "Cabernet Franc, Sauvignon Blanc, Malbec, Tempranillo, Grenache, Sangiovese, Nebbiolo, Chenin Blanc, "
             "Gewurztraminer, Zinfandel, Albarino, Gamay, Viognier, Semillon, Muscat, Touriga Nacional",
    "variety": "Riesling, Chardonnay, Merlot, Pinot Noir, Pinot Grigio, Syrah, Shiraz, Cabernet Sauvignon, "
               "Sauvignon Blanc, Malbec, Tempranillo, Grenache, Sangiovese, Nebbiolo, Chenin Blanc, Gamay, Viognier",
    "grind": "whole bean, whole beans, espresso, filter, cafetiere, french press, moka, coarse, fine, medium, "
             "aeropress, pour over",
    "gender": "female, male, non-binary",
    "format": "paperback, hardcover, hardback, ebook, e-book, audiobook, PDF, CSV, vinyl, CD, DVD, Blu-ray",
    "surface": "clay, grass, hard, carpet, artificial grass",
    "terrain": "road, trail, gravel, mountain, track",
})


def members(f: Field, src: Source) -> list[Found]:
    """The members of the key's category that the text names (the whole key first, then its last word)."""
    words = f.words
    names = ["_".join(words)] + ([words[-1]] if len(words) > 1 else [])
    rows = next((CATEGORIES[n] for n in names if n in CATEGORIES), ())
    found = []
    for member in rows:
        exact = re.compile(rf"(?<![\w-]){re.escape(member)}(?![\w-])", 0 if member[:1].isupper() and
                           len(member) <= 3 else re.I)
        for m in exact.finditer(src.text):
            found.append(Found(m.group(), m.start(), m.end(), 3.6 + 0.1 * len(member.split())))
    return found
