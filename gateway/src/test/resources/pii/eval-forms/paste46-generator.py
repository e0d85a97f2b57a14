#!/usr/bin/env python3
"""Writes the paste-46 evaluation set (pii46, session 46): the kinds of paste the paste-45 round left as misses.

Seed 4646. Run from this directory:  python3 paste46-generator.py
Writes paste46/<form>.txt (development part) and paste46heldout/<form>.txt (held-out part) in the forms set's markup
(see README.md). Then compile: ./mvnw -q -B -o -pl gateway test-compile exec:exec@pii-forms-build

Written and committed before any engine change of session 46. Seven forms, one per kind the paste-45 round left
(docs/history/pii-rounds.md, "Paste-45 round", "Left"), each with harmless look-alikes of its own kind:

  teams         Teams speaker lines (`Horst, T. ter 08:04`)            look-alikes: meeting titles, system lines
  chatlower     lower-case names in chat (`mei lin`, `jan van 't hof`)  look-alikes: lower-case words that are names
  proseaddress  addresses without a street word in running text         look-alikes: `artikel 12`, `fase 2`, streets
  namecolumns   split name columns under a header                       look-alikes: function, team, town columns
  addresstown   a town right after an address                           look-alikes: the towns (some look like names)
  handledby     `Behandeld door:` and the like, a person or a title     look-alikes: function titles
  noheader      Excel ranges copied without their header row            look-alikes: towns, intake dates, case numbers

A seeded quarter of every form is held out. The held-out part draws its people, streets, towns, function titles,
lower-case look-alike words AND the phrases that introduce an address or a handler from the other half of every
pool (split by the same seed), so a rule fitted to a dev value or phrase does not carry over. Its templates are
otherwise dev's: it estimates generalisation over people and wording, not over a new writer.
"""
import os
import random

SEED = 4646
R = random.Random(SEED)

FIRST = ["Anke", "Bart", "Carla", "Dirk", "Els", "Frank", "Geert", "Hilde", "Ivo", "Joke", "Karin", "Luuk", "Maaike",
         "Niels", "Olga", "Pim", "Renske", "Stijn", "Tineke", "Vincent", "Willemijn", "Jeroen", "Sietske", "Harm",
         "Marjolein", "Evert", "Lieke", "Rutger", "Janneke", "Mark", "Thomas", "Roos"]
SURNAME = [("van der", "Wal"), ("de", "Haan"), ("", "Prins"), ("van", "Wijk"), ("", "Vos"), ("ter", "Beek"),
           ("", "Huisman"), ("de", "Lange"), ("van 't", "Zand"), ("", "Koster"), ("op 't", "Hof"), ("", "Veenstra"),
           ("van den", "Bosch"), ("", "Timmermans"), ("de", "Wit"), ("", "Schouten"), ("ten", "Brink"),
           ("van", "Vliet"), ("", "Zwart"), ("in 't", "Groen"), ("van der", "Heijden"), ("", "Kramer"),
           ("de", "Graaf"), ("", "Hendriks"), ("van", "Dam"), ("ter", "Haar"), ("", "Bos"), ("van de", "Pol"),
           ("", "Lubbers"), ("de", "Bruijn"), ("van", "Ommen"), ("", "Nijhuis")]
FOREIGN = [("Hüseyin", "", "Çelik"), ("Elif", "", "Şahin"), ("Burak", "", "Arslan"), ("Nadia", "", "El Idrissi"),
           ("Ilias", "", "Bakkali"), ("Samira", "", "Ouali"), ("Agnieszka", "", "Zielińska"), ("Marek", "", "Lewandowski"),
           ("Layla", "", "Khoury"), ("Bassel", "", "Darwish"), ("Filmon", "", "Tekle"), ("Saba", "", "Haile"),
           ("Anjali", "", "Sewnath"), ("Rakesh", "", "Mahabier"), ("Iryna", "", "Bondarenko"), ("Oleksandr", "", "Melnyk"),
           ("Jun", "", "Wang"), ("Xiu", "", "Zhang"), ("Hodan", "", "Farah"), ("Kofi", "", "Boateng"),
           ("Zahra", "", "Rahimi"), ("Nikolai", "", "Ivanov"), ("Andreea", "", "Ionescu"), ("Tran", "", "Van Minh"),
           ("Mei", "", "Lin"), ("Sevda", "", "Korkmaz"), ("Abdel", "", "Amrani"), ("Chiara", "", "Rossi")]
STREETS_BARE = ["Hooghuis", "De Dreef", "Esdoorn", "Het Want", "Brink", "Kievitsbloem", "Zonnedauw", "Ganzenmarkt",
                "Vlasakker", "De Horst", "Klaverweide", "Het Hoge Veld", "Rietzoom", "De Koppel", "Schapendrift",
                "Lindehof", "Molenkamp", "De Kolk", "Havezate", "Berkenrode", "Oude Markt", "Looierij", "Ooievaar",
                "Zandhorst", "Bolwerk", "Wilgenweard", "Ruiterskwartier", "De Wieken", "Marke", "Marskramer"]
STREETS_WORD = ["Kerkstraat", "Stationsweg", "Julianalaan", "Molenweg", "Dorpsstraat", "Schoolstraat", "Beatrixlaan",
                "Parallelweg", "Industrieweg", "Nieuwstraat", "Wilhelminaweg", "Veldweg"]
# towns; some of them look like a surname or a first name, which is the point
TOWNS = ["Steenwijk", "Meppel", "Zwolle", "Ten Boer", "De Wijk", "Ter Apel", "Havelte", "Ruinen", "Beilen", "Nijverdal",
         "Vries", "Haren", "Epe", "Ede", "Hoorn", "Bergen", "Winterswijk", "Den Ham", "Wijhe", "Vollenhove",
         "Dwingeloo", "Diever", "Staphorst", "Genemuiden", "Heino", "Olst", "Borne", "Goor", "Delden", "Markelo"]
ROLE_TITLES = ["Senior adviseur Sociaal Domein", "afdelingshoofd Burgerzaken", "Teamleider Publiekszaken",
               "Medewerker Klantcontactcentrum", "Coördinator Wijkteam", "Jurist Bezwaar en Beroep",
               "Consulent Werk en Inkomen", "Beleidsadviseur Wonen", "Functionaris Gegevensbescherming",
               "Klantmanager Participatie", "Regisseur Zorg", "Procesbegeleider Omgevingswet", "Casemanager Jeugd",
               "Medewerker Belastingen", "Adviseur Schuldhulpverlening", "Teamleider Wmo", "Senior jurist",
               "Medewerker Vergunningen", "Wijkverpleegkundige", "Leerplichtambtenaar", "Handhaver Openbare Ruimte",
               "Accountmanager Werkgevers", "Backoffice medewerker", "Secretaris bezwaarcommissie"]
ORGS = ["Stichting Welzijn Oost", "GGD Drenthe", "Woonconcern Salland", "Sportpark De Boshoek",
        "Sociaal Team Zuid", "Humanitas Thuisadministratie", "Zorggroep Noorderbreedte", "Vluchtelingenwerk Noord",
        "Kredietbank Nederland", "Veiligheidshuis IJsselland"]
LOWER_WORDS = ["de bakker", "de kok", "de visser", "de smid", "groen licht", "de boer", "de koster", "de wethouder",
               "de buurtcoach", "de schilder", "de molenaar", "de huisarts", "de postbode", "de wijkagent",
               "de timmerman", "de koning", "de kapper", "de slager", "winter", "de jager"]
NUMBER_PHRASES = ["artikel 12", "fase 2", "bijlage 3", "Wmo 2015", "lid 5", "hoofdstuk 4", "week 49", "versie 2",
                  "stap 4", "hoofdstuk 7", "Participatiewet 2015", "paragraaf 3.2", "groep 8", "niveau 3",
                  "artikel 4:8", "module 2"]
ROOMS = ["kamer 2.14", "zaal 3", "Vergaderruimte 4", "hal 4", "De Raadszaal 2", "Atrium 1", "spreekkamer 6",
         "Blok C 3"]
INTRO_ADDRESS = ["De beschikking gaat naar", "Ze woont nu op", "His address is", "Hij is verhuisd naar",
                 "De post kan naar", "Stuur de brief naar", "Het nieuwe adres is", "woonachtig op",
                 "ingeschreven op", "She moved to", "De controle is uitgevoerd op", "De pakketten gaan naar",
                 "Vanaf maandag verblijft hij op", "Ze logeert tijdelijk op"]
INTRO_HANDLER = ["Behandeld door", "Contactpersoon", "Opgesteld door", "Handled by", "Behandelaar", "Casemanager",
                 "Uw contactpersoon", "Ondertekend door", "Namens deze", "Dossierhouder", "Aanspreekpunt",
                 "Verantwoordelijk"]
MAILHOSTS = ["gmail.com", "hotmail.com", "ziggo.nl", "kpnmail.nl", "outlook.com", "live.nl", "xs4all.nl"]
MONTHS = ["januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september", "oktober",
          "november", "december"]
DAYS = ["maandag", "dinsdag", "woensdag", "donderdag", "vrijdag"]


def split_pool(pool):
    p = list(pool)
    random.Random(SEED + len(pool)).shuffle(p)
    half = len(p) // 2
    return p[:half], p[half:]


def H(kind, v):
    return "⟦~%s|%s⟧" % (kind, v)


def E(kind, v):
    return "⟦%s|%s⟧" % (kind, v)


class Gen:
    def __init__(self, part):
        idx = 0 if part == "dev" else 1
        self.first = split_pool(FIRST)[idx]
        self.sur = split_pool(SURNAME)[idx]
        self.foreign = split_pool(FOREIGN)[idx]
        self.bare = split_pool(STREETS_BARE)[idx]
        self.worded = split_pool(STREETS_WORD)[idx]
        self.towns = split_pool(TOWNS)[idx]
        self.roles = split_pool(ROLE_TITLES)[idx]
        self.lower_words = split_pool(LOWER_WORDS)[idx]
        self.number_phrases = split_pool(NUMBER_PHRASES)[idx]
        self.rooms = split_pool(ROOMS)[idx]
        self.intro_address = split_pool(INTRO_ADDRESS)[idx]
        self.intro_handler = split_pool(INTRO_HANDLER)[idx]

    # --- identifiers -------------------------------------------------------------------------------------------
    def bsn(self):
        while True:
            d = [9, 9, 9, 9] + [R.randrange(10) for _ in range(4)]
            c = sum(x * (9 - i) for i, x in enumerate(d)) % 11
            if c < 10:
                s = "".join(map(str, d + [c]))
                return R.choice([s, s, s, s[:4] + "." + s[4:6] + "." + s[6:]])

    def iban(self):
        bank = R.choice(["INGB", "RABO", "ABNA", "SNSB", "TRIO", "ASNB", "BUNQ"])
        acct = "".join(str(R.randrange(10)) for _ in range(10))
        num = "".join(str(int(ch, 36)) for ch in bank + acct + "NL00")
        s = "NL%02d%s%s" % (98 - int(num) % 97, bank, acct)
        return " ".join(s[i:i + 4] for i in range(0, len(s), 4)) if R.random() < 0.4 else s

    def phone(self):
        n = "".join(str(R.randrange(10)) for _ in range(8))
        return R.choice(["06-" + n, "06" + n, "06 " + " ".join([n[0:2], n[2:4], n[4:6], n[6:8]]),
                         "+31 6 " + n[:4] + " " + n[4:], "0522-" + n[:6], "038 " + n[:3] + " " + n[3:7]])

    def dob(self):
        y, m, d = R.randrange(1936, 2020), R.randrange(1, 13), R.randrange(1, 29)
        return R.choice(["%02d-%02d-%d" % (d, m, y), "%d-%d-%d" % (d, m, y), "%02d/%02d/%d" % (d, m, y),
                         "%d %s %d" % (d, MONTHS[m - 1], y), "%02d.%02d.%d" % (d, m, y)])

    def postcode(self):
        p = "%d %s%s" % (R.randrange(1000, 9999), R.choice("ABCDEGHJKLMNPRSTVXZ"), R.choice("ABCDEGHJKLMNPRSTVXZ"))
        return R.choice([p, p, p.replace(" ", ""), p.lower()])

    def number(self):
        return "%d%s" % (R.randrange(1, 260), R.choice(["", "", "", "a", "-II", " B", "-3", "-1"]))

    def bare_address(self):
        return "%s %s" % (R.choice(self.bare), self.number())

    def address(self):
        return R.choice([self.bare_address(), self.bare_address(), "%s %s" % (R.choice(self.worded), self.number())])

    def town(self):
        return R.choice(self.towns)

    def meeting(self):
        return R.choice(["%s %d %s" % (R.choice(DAYS), R.randrange(1, 29), R.choice(MONTHS)),
                         "%02d-%02d-2026" % (R.randrange(1, 29), R.randrange(1, 13))])

    def case(self):
        return R.choice(["Z-2026-%06d" % R.randrange(10 ** 6), "ZK26.%04d" % R.randrange(10 ** 4),
                         "WMO-%d" % R.randrange(10 ** 5, 10 ** 6), "BZ/2026/%04d" % R.randrange(10 ** 4)])

    # --- people ------------------------------------------------------------------------------------------------
    def person(self):
        if R.random() < 0.35:
            f, tv, s = R.choice(self.foreign)
        else:
            f = R.choice(self.first)
            tv, s = R.choice(self.sur)
        return {"first": f, "tv": tv, "sur": s, "ini": f[0] + "." + (R.choice(["", "", "M.", "J.", "A."])
                                                                     if R.random() < 0.3 else "")}

    def name(self, p, style):
        f, tv, s, ini = p["first"], p["tv"], p["sur"], p["ini"]
        full_sur = (tv + " " + s).strip()
        if style == "full":
            return "%s %s" % (f, full_sur)
        if style == "initials":
            return "%s %s" % (ini, full_sur)
        if style == "comma-ini":  # Outlook / Teams: "Horst, T. ter"
            return ("%s, %s %s" % (s, ini, tv)) if tv else "%s, %s" % (s, ini)
        if style == "comma-first":  # "Horst, Thomas ter"
            return ("%s, %s %s" % (s, f, tv)) if tv else "%s, %s" % (s, f)
        if style == "comma-tv-first":  # "ter Horst, Thomas"
            return "%s, %s" % (full_sur, f)
        if style == "lower":
            return ("%s %s" % (f, full_sur)).lower()
        if style == "lower-first":
            return f.lower()
        if style == "lower-sur":
            return full_sur.lower()
        if style == "upper":
            return ("%s %s" % (f, full_sur)).upper()
        raise ValueError(style)

    def email(self, p):
        local = "%s.%s" % (p["first"], (p["tv"] + p["sur"]).replace(" ", "").replace("'", ""))
        for a, b in [("ü", "u"), ("ç", "c"), ("ş", "s"), ("ń", "n"), ("ı", "i")]:
            local = local.replace(a, b)
        return local.lower() + "@" + R.choice(MAILHOSTS)


# --- forms -----------------------------------------------------------------------------------------------------
def teams(g, _):
    staff = [g.person(), g.person(), g.person()]
    res = g.person()
    style = R.choice(["comma-ini", "comma-ini", "comma-first", "full"])
    lines = [R.choice(["dit komt uit de teams chat van het wijkteam, maak er een actielijst van:",
                       "Vat dit Teams-gesprek samen voor het dossier:", "teams copy:", ""])]
    if R.random() < 0.5:
        lines.append(H("word", R.choice(["Vergadering gestart", "Opname is gestart", "Teamoverleg Wmo",
                                         "Casusoverleg Jeugd", "Stand-up Publiekszaken"])) + " " +
                     R.choice(["08:00", "09:30", "13:00"]))
    for i in range(R.randrange(4, 8)):
        sp = staff[i % R.choice([2, 3])]
        t = "%02d:%02d" % (R.randrange(8, 18), R.randrange(60))
        who = E("PERSON", g.name(sp, style))
        lines.append(R.choice(["%s %s" % (who, t), "%s %s" % (who, t), "[%s] %s" % (t, who),
                               "%s %s %s" % (who, R.choice(["gisteren", "ma", "di", "3-12"]), t),
                               "%s (%s) %s" % (who, R.choice(["Extern", "Gast"]), t)]))
        lines.append(R.choice([
            "heb jij het bsn van " + E("PERSON", g.name(res, R.choice(["full", "initials"]))) + "? ik heb "
            + E("BSN", g.bsn()),
            "geboortedatum volgens BRP: " + E("DATE_OF_BIRTH", g.dob()),
            "ze is bereikbaar op " + E("PHONE", g.phone()),
            "ik heb het vastgelegd in " + H("case-number", g.case()),
            "de " + H("role", R.choice(g.roles)) + " neemt het over",
            "overleg met " + H("organisation", R.choice(ORGS)) + " is op " + H("date", g.meeting()),
            "mail gaat naar " + E("EMAIL", g.email(res)),
            "top, dank je", "👍", "klopt"]))
    if R.random() < 0.4:
        lines.append(H("word", R.choice(["Vergadering beëindigd", "Opname gestopt", "Bewerkt"])) + " "
                     + R.choice(["10:15", "11:02", "16:40"]))
    return "\n".join(x for x in lines if x)


def chatlower(g, variant):
    people = [g.person(), g.person()]
    res = [g.person(), g.person()]
    lines = [R.choice(["whatsapp van de buurtapp, wat moet ik hiermee?", "chatlog, graag samenvatten:", ""])]
    for i in range(R.randrange(4, 8)):
        sp = people[i % 2]
        subj = R.choice(res)
        msg = R.choice([
            "heb je " + E("PERSON", g.name(subj, R.choice(["lower", "lower", "lower-first"]))) + " al gebeld?",
            E("PERSON", g.name(subj, "lower")) + " komt morgen om 3 uur aan de balie",
            "mevr " + E("PERSON", g.name(subj, "lower-sur")) + " belde weer over de toeslag",
            "dhr " + E("PERSON", g.name(subj, "lower-sur")) + " wil een terugbelverzoek, " + E("PHONE", g.phone()),
            "ik heb " + E("PERSON", g.name(subj, "lower-first")) + " gesproken, bsn " + E("BSN", g.bsn()),
            "de uitkering van " + E("PERSON", g.name(subj, "lower")) + " is gestopt",
            "is " + E("PERSON", g.name(subj, "lower")) + " niet geboren op " + E("DATE_OF_BIRTH", g.dob()) + "?",
            H("word", R.choice(g.lower_words)) + " " + R.choice(["stond al om 8 uur voor de deur",
                                                                  "was er ook", "heeft gebeld over de bomen",
                                                                  "weet er meer van"]),
            "we hebben " + H("word", R.choice(g.lower_words)) + " nog niet gesproken",
            "dat was in " + H("town", g.town().lower()) + " toch?",
            "ok", "dank je!", "👍"])
        if variant == "whatsapp":
            stamp = "[%02d-12-2026 %02d:%02d:%02d]" % (R.randrange(1, 29), R.randrange(8, 18), R.randrange(60),
                                                      R.randrange(60))
            lines.append("%s %s: %s" % (H("date", stamp), E("PERSON", g.name(sp, R.choice(["lower-first", "full"]))),
                                        msg))
        else:
            lines.append(msg)
    return "\n".join(x for x in lines if x)


def proseaddress(g, _):
    p = g.person()
    parts = []
    for _ in range(R.randrange(2, 4)):
        intro = R.choice(g.intro_address)
        addr = g.bare_address()
        tail = R.choice(["", "", ", " + E("POSTCODE", g.postcode()) + " " + H("town", g.town()),
                         " in " + H("town", g.town())])
        parts.append("%s %s%s." % (intro, E("ADDRESS", addr), tail))
    parts.insert(R.randrange(len(parts) + 1), R.choice([
        "Volgens " + H("word", R.choice(g.number_phrases)) + " van de verordening is dat toegestaan.",
        "Zie " + H("word", R.choice(g.number_phrases)) + " en " + H("word", R.choice(g.number_phrases)) + ".",
        "De werkzaamheden aan de " + H("street", R.choice(g.bare)) + " duren tot " + H("date", g.meeting()) + ".",
        "Het gesprek is in " + H("word", R.choice(g.rooms)) + " van het stadskantoor."]))
    lead = R.choice(["Het gaat om " + E("PERSON", g.name(p, R.choice(["full", "initials"]))) + ".",
                     "Client " + E("PERSON", g.name(p, "full")) + " (BSN " + E("BSN", g.bsn()) + ").",
                     "Mevrouw " + E("PERSON", g.name(p, "initials")) + " belde.", ""])
    ask = R.choice(["Schrijf hier een korte brief over.", "Can you draft a reply?", "herschrijf dit in B1:", ""])
    return "\n".join(x for x in [ask, " ".join(x for x in [lead] + parts if x)] if x)


def namecolumns(g, variant):
    cols = R.choice([["Voornaam", "Tussenvoegsel", "Achternaam", "Functie", "Afdeling"],
                     ["voornaam", "tussenvoegsel", "achternaam", "geboortedatum", "woonplaats"],
                     ["Roepnaam", "Voorv.", "Geslachtsnaam", "Team", "Telefoon"],
                     ["Achternaam", "Tussenvoegsel", "Voornamen", "BSN", "Woonplaats"],
                     ["Voorletters", "Tussenv.", "Achternaam", "Functie", "E-mail"],
                     ["Nr", "Voornaam", "Tv", "Achternaam", "Datum intake", "Woonplaats"]])
    rows = []
    for i in range(R.randrange(3, 7)):
        p = g.person()
        row = []
        for c in cols:
            cl = c.lower()
            if cl in ("voornaam", "roepnaam", "voornamen"):
                row.append(E("PERSON", p["first"].lower() if R.random() < 0.15 else p["first"]))
            elif cl in ("voorletters",):
                row.append(E("PERSON", p["ini"]))
            elif cl in ("tussenvoegsel", "voorv.", "tussenv.", "tv"):
                row.append(p["tv"])  # a tussenvoegsel alone is not labelled (paste-45 convention)
            elif cl in ("achternaam", "geslachtsnaam"):
                row.append(E("PERSON", p["sur"].upper() if R.random() < 0.15 else p["sur"]))
            elif cl == "functie":
                row.append(H("role", R.choice(g.roles)))
            elif cl in ("afdeling", "team"):
                row.append(H("organisation", R.choice(["Sociaal Domein", "Publiekszaken", "Team Zorg", "Wijkteam Noord",
                                                       "Burgerzaken", "Belastingen"])))
            elif cl == "woonplaats":
                row.append(H("town", g.town()))
            elif cl == "geboortedatum":
                row.append(E("DATE_OF_BIRTH", g.dob()))
            elif cl == "bsn":
                row.append(E("BSN", g.bsn()))
            elif cl == "telefoon":
                row.append(E("PHONE", g.phone()))
            elif cl == "e-mail":
                row.append(E("EMAIL", g.email(p)))
            elif cl == "datum intake":
                row.append(H("date", g.meeting()))
            elif cl == "nr":
                row.append(str(i + 1))
        rows.append(row)
    intro = R.choice(["uit excel, maak hier een adreslijst van", "Medewerkerslijst, sorteer op afdeling:",
                      "Can you turn this into a table sorted by surname?", ""])
    if variant == "tsv":
        body = ["⇥".join(cols)] + ["⇥".join(r) for r in rows]
    elif variant == "csv":
        body = [";".join(cols)] + [";".join(r) for r in rows]
    else:
        body = ["| " + " | ".join(cols) + " |", "|" + "---|" * len(cols)] + ["| " + " | ".join(r) + " |" for r in rows]
    return "\n".join(x for x in [intro] + body if x != "")


def addresstown(g, _):
    out = [R.choice(["Controleer deze adressen:", "adressen voor de mailing:", "Which of these are in our municipality?",
                     ""])]
    for _ in range(R.randrange(3, 6)):
        p = g.person()
        town = g.town()
        town_m = H("town", town.upper() if R.random() < 0.2 else town)
        addr = E("ADDRESS", g.address())
        out.append(R.choice([
            "%s, %s %s" % (E("PERSON", g.name(p, "full")), addr, town_m),
            "Adres: %s %s" % (addr, town_m),
            "%s, %s %s" % (addr, E("POSTCODE", g.postcode()), town_m),
            "%s woont aan de %s %s" % (E("PERSON", g.name(p, "initials")), addr, town_m),
            "- %s %s (%s)" % (addr, town_m, H("case-number", g.case())),
            "%s;%s;%s" % (E("PERSON", g.name(p, "comma-tv-first")), addr, town_m),
            "bezoekadres %s %s" % (addr, town_m)]))
    if R.random() < 0.5:
        out.append("Het spreekuur is in " + H("town", g.town()) + " en " + H("town", g.town()) + ".")
    return "\n".join(x for x in out if x)


def handledby(g, _):
    p = g.person()
    res = g.person()
    out = [R.choice(["Beschikking bijzondere bijstand", "Besluit op bezwaar", "Ontvangstbevestiging", "Decision letter",
                     "Gespreksverslag keukentafelgesprek"])]
    out.append("Kenmerk: " + H("case-number", g.case()))
    out.append("Datum: " + H("date", g.meeting()))
    out.append("Betreft: " + E("PERSON", g.name(res, R.choice(["full", "initials"]))) + ", BSN " + E("BSN", g.bsn()))
    for _ in range(R.randrange(1, 3)):
        label = R.choice(g.intro_handler)
        kind = R.random()
        if kind < 0.45:
            val = H("role", R.choice(g.roles))
        elif kind < 0.75:
            val = E("PERSON", g.name(p, R.choice(["full", "initials", "comma-ini"])))
        else:
            sep = R.choice([", ", " - ", " ("])
            val = E("PERSON", g.name(p, R.choice(["full", "initials"]))) + sep + H("role", R.choice(g.roles)) \
                + (")" if sep == " (" else "")
        out.append("%s%s%s" % (label, R.choice([": ", ":\t", " : "]), val))
    out.append(R.choice(["Telefoon: " + H("phone-service", "14 0" + str(R.randrange(10, 99))),
                         "E-mail: " + H("mailbox", R.choice(["wmo@gemeente.nl", "info@steenwijkerland.nl",
                                                              "bezwaar@zwolle.nl"])), ""]))
    out.append(R.choice(["maak hier een nette brief van", "Check whether the letter mentions all required fields.", ""]))
    return "\n".join(x for x in out if x)


def noheader(g, _):
    cols = R.choice([["name", "dob", "bsn", "address", "postcode", "town", "phone"],
                     ["case", "name", "address", "town", "dob", "iban"],
                     ["bsn", "name", "dob", "address", "postcode", "town"],
                     ["name", "address", "postcode", "town", "phone", "email"],
                     ["nr", "name", "dob", "address", "town", "intake"],
                     ["name", "bsn", "address", "town", "phone", "intake"]])
    rows = []
    for i in range(R.randrange(3, 7)):
        p = g.person()
        row = []
        for c in cols:
            if c == "name":
                row.append(E("PERSON", g.name(p, R.choice(["full", "full", "comma-tv-first", "comma-ini", "initials",
                                                           "upper"]))))
            elif c == "dob":
                row.append(E("DATE_OF_BIRTH", g.dob()))
            elif c == "bsn":
                row.append(E("BSN", g.bsn()))
            elif c == "address":
                row.append(E("ADDRESS", g.address()))
            elif c == "postcode":
                row.append(E("POSTCODE", g.postcode()))
            elif c == "town":
                row.append(H("town", g.town()))
            elif c == "phone":
                row.append(E("PHONE", g.phone()))
            elif c == "email":
                row.append(E("EMAIL", g.email(p)))
            elif c == "iban":
                row.append(E("IBAN", g.iban()))
            elif c == "case":
                row.append(H("case-number", g.case()))
            elif c == "intake":
                row.append(H("date", g.meeting()))
            elif c == "nr":
                row.append(str(i + 1))
        rows.append("⇥".join(row))
    intro = R.choice(["uit excel geplakt, wie mist er nog een telefoonnummer?", "Sort these by town please:",
                      "deze mensen krijgen een uitnodiging, maak een mailmerge-lijst", ""])
    return "\n".join(x for x in [intro] + rows if x)


FORMS = [("teams", teams, [""]), ("chatlower", chatlower, ["whatsapp", "chat"]), ("proseaddress", proseaddress, [""]),
         ("namecolumns", namecolumns, ["tsv", "csv", "markdown"]), ("addresstown", addresstown, [""]),
         ("handledby", handledby, [""]), ("noheader", noheader, [""])]
PER_FORM = 20
FIRST_ID = 4601


def main():
    held_ids = {}
    for name, _, _ in FORMS:
        ids = list(range(FIRST_ID, FIRST_ID + PER_FORM))
        random.Random(SEED + sum(map(ord, name))).shuffle(ids)
        held_ids[name] = set(ids[: PER_FORM // 4])
    gens = {"dev": Gen("dev"), "heldout": Gen("heldout")}
    out = {"paste46": {}, "paste46heldout": {}}
    for name, fn, variants in FORMS:
        for i, n in enumerate(range(FIRST_ID, FIRST_ID + PER_FORM)):
            part = "heldout" if n in held_ids[name] else "dev"
            variant = variants[i % len(variants)]
            text = fn(gens[part], variant)
            head = "=== %s-%d%s" % (name, n, (" " + variant) if variant else "")
            out["paste46heldout" if part == "heldout" else "paste46"].setdefault(name, []).append(head + "\n" + text + "\n")
    here = os.path.dirname(os.path.abspath(__file__))
    for split, forms in out.items():
        os.makedirs(os.path.join(here, split), exist_ok=True)
        for name, docs in forms.items():
            with open(os.path.join(here, split, name + ".txt"), "w", encoding="utf-8") as f:
                f.write("# paste-46 set, %s, generated by ../paste46-generator.py (seed %d)\n" % (split, SEED))
                f.write("\n".join(docs))


if __name__ == "__main__":
    main()
