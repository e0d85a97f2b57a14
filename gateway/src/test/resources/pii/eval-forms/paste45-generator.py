#!/usr/bin/env python3
"""Writes the paste-45 evaluation set (pii45, session 45): personal data as Dutch municipal staff paste it.

Seed 4545. Run from this directory:  python3 paste45-generator.py
Writes paste45/<form>.txt (development part) and paste45heldout/<form>.txt (held-out part) in the forms set's
markup (see README.md). Then compile: ./mvnw -q -B -o -pl gateway test-compile exec:exec@pii-forms-build

Written before the engine's recognizers were read or tuned. The held-out part is a seeded quarter of every form AND
uses its own people, streets and towns (the pools are split in two by the same seed), so a rule fitted to a dev name
or street does not carry over. Its templates are the same as dev's: it estimates generalisation over people and
wording, not over a new writer.
"""
import os
import random

SEED = 4545
R = random.Random(SEED)

FIRST = ["Jan", "Annelies", "Pieter", "Sanne", "Henk", "Marloes", "Kees", "Ingrid", "Bram", "Fleur", "Gerrit",
         "Wilma", "Daan", "Lotte", "Joost", "Miriam", "Ruud", "Esther", "Wouter", "Nienke", "Teun", "Hanneke",
         "Sjoerd", "Femke", "Arjen", "Yvonne", "Koen", "Marieke", "Thijs", "Gerda"]
SURNAME = [("de", "Vries"), ("van den", "Berg"), ("van der", "Linden"), ("de", "Jong"), ("", "Jansen"),
           ("", "Bakker"), ("", "Visser"), ("", "Smit"), ("", "Mulder"), ("de", "Boer"), ("van", "Dijk"),
           ("", "Meijer"), ("", "Kok"), ("van 't", "Hof"), ("ter", "Horst"), ("op den", "Akker"), ("in 't", "Veld"),
           ("van", "Leeuwen"), ("", "Hoekstra"), ("", "Dijkstra"), ("van der", "Meulen"), ("", "Brouwer"),
           ("de", "Groot"), ("", "Postma"), ("van", "Beek"), ("ten", "Cate"), ("", "Wolters"), ("", "Kuipers"),
           ("van de", "Kamp"), ("", "Scholten")]
FOREIGN = [("Mehmet", "", "Yılmaz"), ("Ayşe", "", "Demir"), ("Emre", "", "Kaya"), ("Fatma", "", "Öztürk"),
           ("Mohamed", "", "El Amrani"), ("Fatima", "", "Bouzid"), ("Youssef", "", "Ait Taleb"),
           ("Khadija", "", "Azzouzi"), ("Katarzyna", "", "Nowak"), ("Piotr", "", "Wiśniewski"),
           ("Tomasz", "", "Kowalczyk"), ("Rania", "", "Al-Hassan"), ("Omar", "", "Haddad"),
           ("Yonas", "", "Tesfamariam"), ("Semhar", "", "Ghebremedhin"), ("Ravi", "", "Ramsaran"),
           ("Sharmila", "", "Jagessar"), ("Olena", "", "Shevchenko"), ("Dmytro", "", "Kovalenko"),
           ("Wei", "", "Chen"), ("Mei", "", "Lin"), ("Abdirahman", "", "Warsame"), ("Kwame", "", "Mensah"),
           ("Farid", "", "Ahmadi"), ("Georgi", "", "Petrov"), ("Ioana", "", "Popescu"), ("Nguyen", "", "Thi Lan"),
           ("Hamza", "", "Benali"), ("Zeynep", "", "Aksoy"), ("Anan", "", "Suleiman")]
# streets with and without a street word; the number is added per person
STREETS = ["Kerkstraat", "Hoefslag", "Brink", "Zonnebloem", "Populier", "Eikenhorst", "Lange Voorhout", "Oude Gracht",
           "Vijverhof", "Marktplein", "Dorpsweg", "Julianalaan", "Slingerbos", "Kievitsbloem", "Hooghuis", "Nieuwe Haven",
           "Molenerf", "Aalscholver", "Esdoorn", "Wilhelminasingel", "Het Want", "De Dreef", "Achter de Kerk",
           "Boterdiep", "Weverij", "Korenbloem", "Beukenhof", "Spoorlaan", "Gildeplein", "Zuiderpoort"]
TOWNS = ["Meppel", "Zwolle", "Assen", "Emmen", "Deventer", "Hoogeveen", "Kampen", "Steenwijk", "Coevorden", "Almelo",
         "Hengelo", "Oldenzaal", "Dalfsen", "Raalte", "Ommen", "Hardenberg"]
MAILHOSTS = ["gmail.com", "hotmail.com", "ziggo.nl", "kpnmail.nl", "outlook.com", "live.nl", "planet.nl"]

# harmless look-alikes (the same in both parts: they are the product's false-positive traps)
ORGS = ["Stichting Humanitas", "GGD IJsselland", "Woonstichting De Veste", "Sportpark Jan Louwers",
        "Prins Willem-Alexanderschool", "Stichting Anton de Kom", "Zorggroep Sint Jozef", "Vluchtelingenwerk Oost",
        "Dr. A. Schweitzerziekenhuis", "Basisschool De Regenboog", "Buurtteam Noord", "Thomas a Kempis College",
        "Kwadraad Maatschappelijk Werk", "Sociaal Werk De Kern", "Rabobank Salland", "Menzis"]
STREET_ONLY = ["Willem de Zwijgerlaan", "Burgemeester Visserpark", "Kerkstraat", "Van Heeckerenstraat",
               "Johan de Wittkade", "Prinses Beatrixlaan", "Anne Frankplein", "Jan van Galenstraat", "Hoofdstraat"]
ROLES = ["wethouder Zorg", "de teamleider Wmo", "afdelingshoofd Burgerzaken", "beleidsmedewerker Jeugd",
         "de burgemeester", "casemanager", "klantmanager Participatie", "privacy officer", "de griffier",
         "consulent schuldhulpverlening", "Senior adviseur Sociaal Domein", "Teamleider Publiekszaken"]
MAILBOXES = ["wmo@gemeente-meppel.nl", "info@gemeentezwolle.nl", "burgerzaken@assen.nl", "privacy@gemeente.nl",
             "servicedesk@gemeente-hoogeveen.nl", "jeugd@emmen.nl"]
MONTHS = ["januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september", "oktober",
          "november", "december"]
DAYS = ["maandag", "dinsdag", "woensdag", "donderdag", "vrijdag"]


def split_pool(pool):
    p = list(pool)
    random.Random(SEED + len(pool)).shuffle(p)
    return p[0::2] + p[1::2][: len(p) // 4], p[1::2]  # dev gets half plus a bit, held-out the other half


def H(kind, v):
    return "⟦~%s|%s⟧" % (kind, v)


def E(kind, v):
    return "⟦%s|%s⟧" % (kind, v)


class Gen:
    def __init__(self, part):
        self.part = part
        idx = 0 if part == "dev" else 1
        self.first = split_pool(FIRST)[idx]
        self.sur = split_pool(SURNAME)[idx]
        self.foreign = split_pool(FOREIGN)[idx]
        self.streets = split_pool(STREETS)[idx]
        self.towns = split_pool(TOWNS)[idx]

    # --- identifiers -------------------------------------------------------------------------------------------
    def bsn(self, style=None):
        while True:
            d = [9, 9, 9, 9] + [R.randrange(10) for _ in range(4)]
            c = sum(x * (9 - i) for i, x in enumerate(d)) % 11
            if c < 10:
                s = "".join(map(str, d + [c]))
                style = style or R.choice(["plain", "plain", "plain", "dots", "spaces"])
                if style == "dots":
                    return s[:4] + "." + s[4:6] + "." + s[6:]
                if style == "spaces":
                    return s[:3] + " " + s[3:6] + " " + s[6:]
                return s

    def iban(self):
        bank = R.choice(["INGB", "RABO", "ABNA", "SNSB", "TRIO", "ASNB", "KNAB"])
        acct = "".join(str(R.randrange(10)) for _ in range(10))
        num = "".join(str(int(ch, 36)) for ch in bank + acct + "NL00")
        check = 98 - int(num) % 97
        s = "NL%02d%s%s" % (check, bank, acct)
        if R.random() < 0.4:
            return " ".join(s[i:i + 4] for i in range(0, len(s), 4))
        return s

    def phone(self):
        n = "".join(str(R.randrange(10)) for _ in range(8))
        return R.choice(["06-" + n, "06" + n, "06 " + " ".join([n[0:2], n[2:4], n[4:6], n[6:8]]),
                         "+31 6 " + n[:4] + " " + n[4:], "+31(0)6" + n, self.landline(n)])

    def landline(self, n):
        area = R.choice(["038", "0522", "0591", "053", "0523"])
        return area + "-" + str(R.randrange(2, 10)) + n[: 10 - len(area) - 1]

    def dob(self, style=None):
        y, m, d = R.randrange(1938, 2019), R.randrange(1, 13), R.randrange(1, 29)
        style = style or R.choice(["dmy", "dmy", "dmy-short", "slash", "words"])
        if style == "dmy":
            return "%02d-%02d-%d" % (d, m, y)
        if style == "dmy-short":
            return "%d-%d-%d" % (d, m, y)
        if style == "slash":
            return "%02d/%02d/%d" % (d, m, y)
        if style == "iso":
            return "%d-%02d-%02d" % (y, m, d)
        if style == "compact":
            return "%d%02d%02d" % (y, m, d)
        return "%d %s %d" % (d, MONTHS[m - 1], y)

    def postcode(self):
        p = "%d%s%s" % (R.randrange(1000, 9999), R.choice("ABCDEGHJKLMNPRSTVXZ"), R.choice("ABCDEGHJKLMNPRSTVXZ"))
        r = R.random()
        return p[:4] + " " + p[4:] if r < 0.6 else (p if r < 0.85 else (p[:4] + " " + p[4:]).lower())

    def street(self):
        return R.choice(self.streets)

    def address(self):
        n = R.randrange(1, 240)
        return "%s %d%s" % (self.street(), n, R.choice(["", "", "", "a", "-II", " B", "-3"]))

    def town(self):
        return R.choice(self.towns)

    def plate(self):
        L = "BDFGHJKLNPRSTVXZ"
        return R.choice(["%s-%03d-%s" % ("".join(R.choice(L) for _ in range(2)), R.randrange(1000), R.choice(L)),
                         # sidecode 8 (9-XXX-99); the last digit is cut rather than drawn so that the stream of
                         # random draws, and so every other value, stayed as first generated (label fix after run 1)
                         ("%d-%s-%03d" % (R.randrange(1, 10), "".join(R.choice(L) for _ in range(3)),
                                          R.randrange(1000)))[:-1],
                         "%s-%s-%02d" % ("".join(R.choice(L) for _ in range(2)), "".join(R.choice(L) for _ in range(2)),
                                         R.randrange(100))])

    def passport(self):
        L = "ABCDEFGHJKLMNPRSTUVWXYZ"
        return "".join(R.choice(L) for _ in range(2)) + "".join(R.choice(L + "0123456789") for _ in range(6)) + str(
            R.randrange(10))

    # --- people ------------------------------------------------------------------------------------------------
    def person(self):
        if R.random() < 0.35:
            f, tv, s = R.choice(self.foreign)
        else:
            f = R.choice(self.first)
            tv, s = R.choice(self.sur)
        return {"first": f, "tv": tv, "sur": s, "ini": ".".join(x[0] for x in f.split()) + "."
                + (R.choice(["", "", "P.", "M.", "J."]) if R.random() < 0.3 else "")}

    def name(self, p, style=None):
        f, tv, s, ini = p["first"], p["tv"], p["sur"], p["ini"]
        full_sur = (tv + " " + s).strip()
        style = style or R.choice(["full", "full", "initials", "comma-ini", "comma-first", "lower", "upper",
                                   "comma-tv-first"])
        if style == "full":
            return "%s %s" % (f, full_sur)
        if style == "initials":
            return "%s %s" % (ini, full_sur)
        if style == "comma-ini":  # "Vries, J. de" (Outlook / BRP order)
            return ("%s, %s %s" % (s, ini, tv)).strip() if tv else "%s, %s" % (s, ini)
        if style == "comma-first":
            return "%s, %s" % (full_sur, f)
        if style == "comma-tv-first":  # "Vries, Jan de"
            return ("%s, %s %s" % (s, f, tv)).strip() if tv else "%s, %s" % (s, f)
        if style == "lower":
            return ("%s %s" % (f, full_sur)).lower()
        if style == "upper":
            return R.choice(["%s %s" % (f, full_sur), "%s, %s" % (full_sur, ini)]).upper()
        if style == "surname":
            return full_sur[0].upper() + full_sur[1:] if tv else s
        if style == "first":
            return f
        raise ValueError(style)

    def email(self, p):
        f, tv, s = p["first"], p["tv"], p["sur"]
        local = R.choice(["%s.%s" % (f, (tv + s).replace(" ", "").replace("'", "")),
                          "%s%s" % (f[0], s.replace(" ", "")), "%s_%s%d" % (f, s.split()[-1], R.randrange(60, 99))])
        return (local.lower().replace("ş", "s").replace("ı", "i").replace("ö", "o").replace("ś", "s").replace("ü", "u")
                + "@" + R.choice(MAILHOSTS))

    def staff(self):
        p = self.person()
        host = R.choice(["gemeente-meppel.nl", "zwolle.nl", "assen.nl", "hoogeveen.nl"])
        mail = ("%s.%s@%s" % (p["ini"].replace(".", "").lower(), (p["tv"] + p["sur"]).replace(" ", "")
                              .replace("'", "").lower(), host)).replace("ı", "i").replace("ş", "s").replace("ö", "o") \
            .replace("ś", "s")
        return p, mail

    # --- harmless ----------------------------------------------------------------------------------------------
    def case(self):
        return R.choice(["Z-2026-%06d" % R.randrange(10 ** 6), "ZK26.%04d" % R.randrange(10 ** 4),
                         "BZ/2026/%04d" % R.randrange(10 ** 4), "WMO-%d" % R.randrange(10 ** 5, 10 ** 6)])

    def meeting(self):
        return R.choice(["%s %d %s" % (R.choice(DAYS), R.randrange(1, 29), R.choice(MONTHS[10:])),
                         "%02d-12-2026" % R.randrange(1, 29), "per 1 januari 2027", "%d-%d-2026" % (R.randrange(1, 29),
                                                                                                     R.randrange(1, 13))])

    def amount(self):
        return "€ %d,%02d" % (R.randrange(10, 3000), R.randrange(100))


def excel(g, header):
    cols = R.choice([["Naam", "Geb.datum", "BSN", "Adres", "PC", "Woonplaats", "Tel."],
                     ["Achternaam", "Vrl.", "Tussenv.", "Gebdat", "Burgerservicenr", "Straat + nr", "Mobiel"],
                     ["Klant", "geb_dat", "bsn", "adres", "postcode", "telefoon", "e-mail", "IBAN"],
                     ["Zaaknr", "Aanvrager", "Geboortedatum", "Adres", "Plaats", "Rek.nr."]])
    rows = []
    intro = R.choice(["kun je van deze lijst per persoon een korte brief maken over de herindicatie?",
                      "uit excel geplakt, zet dit om naar een nette tabel en sorteer op achternaam",
                      "Can you check which of these clients still miss an IBAN? Pasted from Excel:",
                      "hieronder de wachtlijst, wie staat er het langst op?", ""])
    for _ in range(R.randrange(3, 7)):
        p = g.person()
        row = []
        for c in cols:
            if c in ("Naam", "Klant", "Aanvrager"):
                row.append(E("PERSON", g.name(p)))
            elif c == "Achternaam":
                row.append(E("PERSON", p["sur"].upper() if R.random() < 0.3 else p["sur"]))
            elif c == "Vrl.":
                row.append(E("PERSON", p["ini"]))
            elif c == "Tussenv.":
                row.append(p["tv"])
            elif c.lower().startswith("geb"):
                row.append(E("DATE_OF_BIRTH", g.dob(R.choice(["dmy", "slash", "iso", "dmy-short"]))))
            elif c.lower().startswith("b"):
                row.append(E("BSN", g.bsn(R.choice(["plain", "plain", "dots"]))))
            elif c in ("Adres", "adres", "Straat + nr"):
                row.append(E("ADDRESS", g.address()))
            elif c in ("PC", "postcode"):
                row.append(E("POSTCODE", g.postcode()))
            elif c in ("Woonplaats", "Plaats"):
                row.append(g.town())
            elif c in ("Tel.", "Mobiel", "telefoon"):
                row.append(E("PHONE", g.phone()))
            elif c == "e-mail":
                row.append(E("EMAIL", g.email(p)))
            elif c in ("IBAN", "Rek.nr."):
                row.append(E("IBAN", g.iban()) if R.random() < 0.8 else "")
            elif c == "Zaaknr":
                row.append(H("case-number", g.case()))
        rows.append("⇥".join(row))
    lines = ([intro] if intro else []) + (["⇥".join(cols)] if header == "header" else []) + rows
    return "\n".join(lines)


def csv(g, _):
    p_cols = R.choice([["zaaknummer", "naam", "geboortedatum", "bsn", "straat", "postcode", "woonplaats", "telefoon"],
                       ["Clientnr", "Naam client", "Adres", "Postcode", "E-mailadres", "Datum intake", "Kenteken"],
                       ["Debiteur", "Naam", "IBAN", "Bedrag", "Vervaldatum", "Adres"]])
    q = R.random() < 0.4
    cell = (lambda v: '"%s"' % v) if q else (lambda v: v)
    out = [R.choice(["export uit het zaaksysteem (;-gescheiden), maak hier een overzicht van per woonplaats:",
                     "csv export van de debiteuren, welke bedragen staan nog open?", "Wmo export:", ""])]
    out.append(";".join(cell(c) for c in p_cols))
    for _ in range(R.randrange(3, 6)):
        p = g.person()
        row = []
        for c in p_cols:
            lc = c.lower()
            if lc == "zaaknummer":
                row.append(H("case-number", g.case()))
            elif lc in ("clientnr", "debiteur"):
                row.append(H("client-number", str(R.randrange(10 ** 6, 10 ** 8))))
            elif lc.startswith("naam"):
                row.append(E("PERSON", g.name(p)))
            elif lc == "geboortedatum":
                row.append(E("DATE_OF_BIRTH", g.dob()))
            elif lc == "bsn":
                row.append(E("BSN", g.bsn("plain")))
            elif lc in ("straat", "adres"):
                row.append(E("ADDRESS", g.address()))
            elif lc == "postcode":
                row.append(E("POSTCODE", g.postcode()))
            elif lc == "woonplaats":
                row.append(g.town())
            elif lc == "telefoon":
                row.append(E("PHONE", g.phone()))
            elif lc == "e-mailadres":
                row.append(E("EMAIL", g.email(p)))
            elif lc in ("datum intake", "vervaldatum"):
                row.append(H("date", g.meeting()))
            elif lc == "kenteken":
                row.append(E("LICENCE_PLATE", g.plate()) if R.random() < 0.7 else "")
            elif lc == "iban":
                row.append(E("IBAN", g.iban()))
            elif lc == "bedrag":
                row.append(H("amount", g.amount()))
        out.append(";".join(cell(v) if v else "" for v in row))
    return "\n".join(x for x in out if x)


def markdown(g, _):
    cols = R.choice([["Naam", "Geboortedatum", "BSN", "Adres", "Telefoon"],
                     ["Bewoner", "Adres", "Postcode", "Melding", "Datum melding"],
                     ["Name", "Date of birth", "Address", "Email"]])
    out = [R.choice(["Overzicht huisbezoeken deze week:", "| samengevat uit het overleg van " + H("date", g.meeting())
                     .join(["", ""]) + " |", "Residents to contact (English summary for the new colleague):", ""])]
    if out[0].startswith("|"):
        out[0] = "Samenvatting overleg " + H("date", g.meeting()) + ":"
    out.append("| " + " | ".join(cols) + " |")
    out.append("|" + "---|" * len(cols))
    for _ in range(R.randrange(3, 6)):
        p = g.person()
        row = []
        for c in cols:
            if c in ("Naam", "Bewoner", "Name"):
                row.append(E("PERSON", g.name(p)))
            elif c in ("Geboortedatum", "Date of birth"):
                row.append(E("DATE_OF_BIRTH", g.dob()))
            elif c == "BSN":
                row.append(E("BSN", g.bsn()))
            elif c in ("Adres", "Address"):
                row.append(E("ADDRESS", g.address()))
            elif c == "Postcode":
                row.append(E("POSTCODE", g.postcode()))
            elif c == "Telefoon":
                row.append(E("PHONE", g.phone()))
            elif c == "Email":
                row.append(E("EMAIL", g.email(p)))
            elif c == "Melding":
                row.append(R.choice(["overlast buren", "losliggende stoeptegel bij " + H("street", R.choice(STREET_ONLY)),
                                     "geluidsoverlast", "zwerfafval", "vraag over " + H("organisation", R.choice(ORGS))]))
            elif c == "Datum melding":
                row.append(H("date", g.meeting()))
        out.append("| " + " | ".join(row) + " |")
    return "\n".join(x for x in out if x)


def signature(g, p, mail):
    return "\n".join([R.choice(["Met vriendelijke groet,", "Groet,", "Kind regards,", "Mvg,"]), "",
                      E("PERSON", g.name(p, R.choice(["full", "initials"]))),
                      H("role", R.choice(ROLES)) + R.choice([" | Team Zorg", "", " - Sociaal Domein"]),
                      "Gemeente " + R.choice(["Meppel", "Zwolle", "Assen"]) + " | Postbus " + str(R.randrange(10, 900)),
                      "T: " + E("PHONE", g.phone()) + R.choice(["", " (ma-do)"]) + R.choice(
                          ["", " | E: " + E("EMAIL", mail)]),
                      R.choice(["", "Bereikbaar via " + H("phone-service", "14 038")])]).rstrip()


def email(g, _):
    staff1, mail1 = g.staff()
    staff2, mail2 = g.staff()
    res = g.person()
    en = R.random() < 0.3
    hdr = ("From", "Sent", "To", "Cc", "Subject") if en else ("Van", "Verzonden", "Aan", "CC", "Onderwerp")
    sent = "%s %d december 2026 %02d:%02d" % (R.choice(DAYS), R.randrange(1, 29), R.randrange(8, 18), R.randrange(60))
    subj = R.choice(["RE: aanvraag huishoudelijke hulp mw. " + E("PERSON", g.name(res, "surname")),
                     "FW: bezwaar " + H("case-number", g.case()),
                     "RE: verhuizing " + E("PERSON", g.name(res, "full")), "Subject access request"])
    body1 = R.choice([
        "Hoi,\n\nKun jij even kijken naar de aanvraag van " + E("PERSON", g.name(res, "initials")) + " (BSN "
        + E("BSN", g.bsn()) + ", geboren " + E("DATE_OF_BIRTH", g.dob()) + "). Ze woont op " + E("ADDRESS", g.address())
        + " in " + g.town() + " en is bereikbaar op " + E("PHONE", g.phone()) + ".",
        "Hi,\n\nResident " + E("PERSON", g.name(res, "full")) + " called again about the allowance. His new address is "
        + E("ADDRESS", g.address()) + ", " + E("POSTCODE", g.postcode()) + " " + g.town()
        + ". Please pay to " + E("IBAN", g.iban()) + ".",
        "Beste collega,\n\nMevrouw " + E("PERSON", g.name(res, "surname")) + " heeft gebeld. Zij wil dat we haar mailen op "
        + E("EMAIL", g.email(res)) + ". Het overleg met " + H("role", R.choice(ROLES)) + " staat op "
        + H("date", g.meeting()) + "."])
    body2 = R.choice([
        "Dank! Ik heb het doorgezet naar " + H("organisation", R.choice(ORGS)) + ".",
        "Zie onderstaand. De beschikking gaat naar " + E("ADDRESS", g.address()) + ".",
        "Kunnen we dit bespreken in het MDO van " + H("date", g.meeting()) + "?"])
    msg2 = "\n".join([
        "%s: %s" % (hdr[0], E("PERSON", g.name(staff1, "comma-ini" if R.random() < 0.6 else "full")) + " <"
                    + E("EMAIL", mail1) + ">"),
        "%s: %s" % (hdr[1], sent),
        "%s: %s" % (hdr[2], E("PERSON", g.name(staff2, R.choice(["comma-ini", "comma-first", "full"]))) + R.choice(
            ["", "; " + H("mailbox", R.choice(MAILBOXES))])),
        "%s: %s" % (hdr[4], subj), "", body1, "", signature(g, staff1, mail1)])
    msg1 = "\n".join([body2, "", signature(g, staff2, mail2)])
    sep = R.choice(["-----Oorspronkelijk bericht-----", "________________________________", "-----Original Message-----"])
    intro = R.choice(["vat deze mailwisseling samen voor het dossier:", "Schrijf een antwoord op deze mail:", ""])
    return "\n".join(x for x in [intro, msg1, "", sep, msg2] if x != "").replace(sep, "\n" + sep, 1)


def chat(g, variant):
    people = [g.person() for _ in range(3)]
    lines = []
    day = R.randrange(1, 29)
    for i in range(R.randrange(4, 8)):
        sp = people[i % 2]
        t = "%02d:%02d" % (R.randrange(8, 17), R.randrange(60))
        subj = people[2]
        msg = R.choice([
            "heb jij het bsn van " + E("PERSON", g.name(subj, R.choice(["lower", "first", "full"]))) + "? is het "
            + E("BSN", g.bsn()) + "?",
            "ze is geboren op " + E("DATE_OF_BIRTH", g.dob()) + " volgens de BRP",
            "nieuw adres: " + E("ADDRESS", g.address().lower() if R.random() < 0.5 else g.address()) + " " + g.town(),
            "bel hem even op " + E("PHONE", g.phone()),
            "ok top, ik zet het in " + H("case-number", g.case()),
            "overleg met " + H("role", R.choice(ROLES)) + " is verplaatst naar " + H("date", g.meeting()),
            "can you send the letter to " + E("EMAIL", g.email(subj)) + "?",
            "👍", "dank je!",
            "die van " + H("organisation", R.choice(ORGS)) + " belde ook al",
            "mevr " + E("PERSON", g.name(subj, "surname").lower()) + " staat weer aan de balie",
            "rekeningnummer is " + E("IBAN", g.iban()),
            "kenteken van de auto bij de " + H("street", R.choice(STREET_ONLY)) + ": " + E("LICENCE_PLATE", g.plate())])
        if variant == "teams":
            who = E("PERSON", g.name(sp, R.choice(["comma-first", "full", "comma-ini"])))
            lines.append(R.choice(["[%s] %s" % (t, who), "%s %s" % (who, t)]))
            lines.append(msg)
        else:
            stamp = R.choice(["[%02d-12-2026 %s:%02d]" % (day, t, R.randrange(60)), "%02d-12-26 %s -" % (day, t)])
            lines.append("%s %s: %s" % (H("date", stamp), E("PERSON", g.name(sp, R.choice(["full", "first"]))), msg))
    intro = R.choice(["dit is uit de teams chat, maak er een actielijst van:" if variant == "teams" else
                      "whatsapp export van de wijkapp:", "Summarise this chat please:", ""])
    return "\n".join(x for x in [intro] + lines if x)


def json_doc(g, _):
    p = g.person()
    p2 = g.person()
    ind = R.choice([2, 0])
    nl = "\n" if ind else ""
    sp = " " * ind
    addr_street, number = g.street(), R.randrange(1, 200)
    fields = [
        ('"identificatie"', '"%s"' % H("case-number", g.case())),
        ('"omschrijving"', '"Aanvraag %s"' % R.choice(["bijzondere bijstand", "parkeervergunning", "Wmo-voorziening"])),
        ('"registratiedatum"', '"%s"' % H("date", "2026-%02d-%02d" % (R.randrange(1, 13), R.randrange(1, 29)))),
        ('"betrokkene"', "{" + nl + (",%s" % nl).join(sp * 2 + k + ": " + v for k, v in [
            ('"inp.bsn"', '"%s"' % E("BSN", g.bsn("plain"))),
            ('"geslachtsnaam"', '"%s"' % E("PERSON", p["sur"])),
            ('"voorvoegselGeslachtsnaam"', '"%s"' % p["tv"]),
            ('"voorletters"', '"%s"' % E("PERSON", p["ini"])),
            ('"voornamen"', '"%s"' % E("PERSON", p["first"])),
            ('"geboortedatum"', '"%s"' % E("DATE_OF_BIRTH", g.dob(R.choice(["compact", "iso"])))),
            ('"verblijfsadres"', '{"gor.openbareRuimteNaam": "%s", "aoa.huisnummer": %d, "aoa.postcode": "%s", '
                                 '"wpl.woonplaatsNaam": "%s"}' % (E("ADDRESS", addr_street), number,
                                                                  E("POSTCODE", g.postcode().replace(" ", "")), g.town())),
            ('"sub.telefoonnummer"', '"%s"' % E("PHONE", g.phone())),
            ('"sub.emailadres"', '"%s"' % E("EMAIL", g.email(p)))]) + nl + sp + "}"),
        ('"behandelaar"', '{"naam": "%s", "functie": "%s"}' % (E("PERSON", g.name(p2, "full")), H("role", R.choice(ROLES)))),
    ]
    body = "{" + nl + (",%s" % nl).join(sp + k + ": " + v for k, v in fields) + nl + "}"
    intro = R.choice(["Dit komt uit de API van het zaaksysteem, wat is de status?", "json uit Mozard:", ""])
    return "\n".join(x for x in [intro, body] if x)


def xml_doc(g, _):
    p = g.person()
    out = [R.choice(["StUF-BG antwoord, haal de gegevens eruit voor de brief:", "xml response:", ""]),
           "<BG:npsAntwoord>", "  <BG:object StUF:entiteittype=\"NPS\">",
           "    <BG:inp.bsn>%s</BG:inp.bsn>" % E("BSN", g.bsn("plain")),
           "    <BG:geslachtsnaam>%s</BG:geslachtsnaam>" % E("PERSON", p["sur"].upper() if R.random() < 0.3 else p["sur"]),
           "    <BG:voorvoegselGeslachtsnaam>%s</BG:voorvoegselGeslachtsnaam>" % p["tv"],
           "    <BG:voorletters>%s</BG:voorletters>" % E("PERSON", p["ini"]),
           "    <BG:voornamen>%s</BG:voornamen>" % E("PERSON", p["first"]),
           "    <BG:geboortedatum>%s</BG:geboortedatum>" % E("DATE_OF_BIRTH", g.dob("compact")),
           "    <BG:verblijfsadres>",
           "      <BG:gor.openbareRuimteNaam>%s</BG:gor.openbareRuimteNaam>" % E("ADDRESS", g.street()),
           "      <BG:aoa.huisnummer>%d</BG:aoa.huisnummer>" % R.randrange(1, 300),
           "      <BG:aoa.postcode>%s</BG:aoa.postcode>" % E("POSTCODE", g.postcode().replace(" ", "").upper()),
           "      <BG:wpl.woonplaatsNaam>%s</BG:wpl.woonplaatsNaam>" % g.town(),
           "    </BG:verblijfsadres>",
           "    <BG:tijdvakGeldigheid><StUF:beginGeldigheid>%s</StUF:beginGeldigheid></BG:tijdvakGeldigheid>"
           % H("date", "2026%02d%02d" % (R.randrange(1, 13), R.randrange(1, 29))),
           "  </BG:object>", "</BG:npsAntwoord>"]
    return "\n".join(x for x in out if x)


def form(g, _):
    p = g.person()
    en = R.random() < 0.3
    labels = (["Name", "Date of birth", "Citizen service number (BSN)", "Address", "Postcode", "Phone", "Email",
               "Bank account", "Passport no."] if en else
              [R.choice(["Naam aanvrager", "Naam", "Achternaam, voorletters"]), R.choice(["Geboortedatum", "Geb. datum"]),
               "BSN", R.choice(["Adres", "Straat en huisnummer"]), "Postcode", R.choice(["Telefoon", "Tel", "Mobiel"]),
               "E-mail", "IBAN", "Nummer ID-kaart"])
    vals = [E("PERSON", g.name(p, "comma-ini" if labels[0].startswith("Achternaam") else None)),
            E("DATE_OF_BIRTH", g.dob()), E("BSN", g.bsn()), E("ADDRESS", g.address()), E("POSTCODE", g.postcode()),
            E("PHONE", g.phone()), E("EMAIL", g.email(p)), E("IBAN", g.iban()), E("ID_DOCUMENT", g.passport())]
    keep = sorted(R.sample(range(len(labels)), R.randrange(5, len(labels) + 1)))
    sepr = R.choice([": ", ":\t", " : "])
    lines = [R.choice(["Aanvraagformulier bijzondere bijstand", "Intakeformulier Wmo", "Application form", ""])]
    lines += ["%s%s%s" % (labels[i], sepr, vals[i]) for i in keep]
    lines.append(R.choice(["Datum aanvraag: " + H("date", g.meeting()), "Behandeld door: " + H("role", R.choice(ROLES)),
                           "Verwezen door: " + H("organisation", R.choice(ORGS))]))
    lines.append(R.choice(["", "vul de brief aan met deze gegevens", "Check this form for missing fields."]))
    return "\n".join(x for x in lines if x)


POLICY = [
    "De gemeenteraad heeft op {date} het beleidsplan Sociaal Domein vastgesteld. {role} legt in het eerste kwartaal "
    "een evaluatie voor. De herinrichting van de {street} start {date2}; bewoners van de {street2} ontvangen een "
    "bewonersbrief. {org} voert de keukentafelgesprekken uit.",
    "Samenvatting collegebesluit {case}: het college stemt in met een subsidie van {amount} aan {org} voor 2027. "
    "Contactpersoon is {role}. Vragen kunnen naar {mailbox} of telefonisch via {phone}.",
    "Draft policy note: the municipality will extend the Wmo pilot with {org} until {date}. The {role} will report "
    "back to the council. The works on {street} are postponed to {date2}.",
    "Agenda MDO {date}\n1. Opening door {role}\n2. Stand van zaken {case}\n3. Werkzaamheden {street} en {street2}\n"
    "4. Rondvraag\nLocatie: vergaderzaal, {org}",
    "Uit de raadsinformatiebrief: het aantal meldingen over de {street} is gedaald. {org} en {org2} werken samen aan "
    "een buurtaanpak. Het budget bedraagt {amount}. Besluitvorming volgt op {date}.",
    "herschrijf deze tekst in B1: 'Op grond van artikel 2.3.5 van de Wmo 2015 kan het college een maatwerkvoorziening "
    "verstrekken. U kunt bezwaar maken binnen zes weken na {date}. Voor vragen belt u {phone}.'",
]


def ordinary(g, _):
    t = R.choice(POLICY)
    return t.format(date=H("date", g.meeting()), date2=H("date", g.meeting()), role=H("role", R.choice(ROLES)),
                    street=H("street", R.choice(STREET_ONLY)), street2=H("street", R.choice(STREET_ONLY)),
                    org=H("organisation", R.choice(ORGS)), org2=H("organisation", R.choice(ORGS)),
                    case=H("case-number", g.case()), amount=H("amount", g.amount()),
                    mailbox=H("mailbox", R.choice(MAILBOXES)), phone=H("phone-service", "14 0" + str(R.randrange(10, 99))))


FORMS = [("excel", excel, ["header", "noheader"]), ("csv", csv, [""]), ("markdown", markdown, [""]),
         ("email", email, ["outlook"]), ("chat", chat, ["teams", "whatsapp"]), ("json", json_doc, [""]),
         ("xml", xml_doc, [""]), ("form", form, [""]), ("ordinary", ordinary, [""])]
PER_FORM = 16
FIRST_ID = 4501


def main():
    held_ids = {}
    for name, _, _ in FORMS:
        ids = list(range(FIRST_ID, FIRST_ID + PER_FORM))
        random.Random(SEED + sum(map(ord, name))).shuffle(ids)
        held_ids[name] = set(ids[: PER_FORM // 4])
    gens = {"dev": Gen("dev"), "heldout": Gen("heldout")}
    out = {"paste45": {}, "paste45heldout": {}}
    for name, fn, variants in FORMS:
        for i, n in enumerate(range(FIRST_ID, FIRST_ID + PER_FORM)):
            part = "heldout" if n in held_ids[name] else "dev"
            variant = variants[i % len(variants)]
            text = fn(gens[part], variant)
            head = "=== %s-%d%s" % (name, n, (" " + variant) if variant else "")
            out["paste45heldout" if part == "heldout" else "paste45"].setdefault(name, []).append(head + "\n" + text + "\n")
    here = os.path.dirname(os.path.abspath(__file__))
    for split, forms in out.items():
        os.makedirs(os.path.join(here, split), exist_ok=True)
        for name, docs in forms.items():
            with open(os.path.join(here, split, name + ".txt"), "w", encoding="utf-8") as f:
                f.write("# paste-45 set, %s, generated by ../paste45-generator.py (seed %d)\n" % (split, SEED))
                f.write("\n".join(docs))


if __name__ == "__main__":
    main()
