package nl.dijkwacht.pii.detect;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Table-driven: each row is a text, the recognizer, and the exact values it must find (empty = hard negative).
 */
class StructuredRecognizersTest {

    static Stream<Arguments> cases() {
        Recognizer bsn = BsnPatterns.bsn();
        Recognizer iban = new IbanRecognizer();
        Recognizer email = new EmailRecognizer();
        Recognizer phone = new PhoneRecognizer();
        Recognizer postcode = new PostcodeRecognizer();
        Recognizer address = new AddressRecognizer();
        Recognizer dob = DateOfBirthPatterns.dateOfBirth();
        Recognizer plate = new LicencePlateRecognizer();
        Recognizer id = DocumentNumberPatterns.idDocument();
        Recognizer vnr = DocumentNumberPatterns.vNumber();
        Recognizer ip = new IpAddressRecognizer();
        Recognizer kvk = KvkPatterns.kvk();
        Recognizer special = new SpecialCategoryRecognizer();
        return Stream.of(
                // BSN: positives (111222333 and 123456782 pass the elfproef)
                row(bsn, "Mijn BSN is 111222333.", "111222333"),
                row(bsn, "burgerservicenummer: 1234.56.782", "1234.56.782"),
                row(bsn, "sofinummer 123 456 782 graag controleren", "123 456 782"),
                row(bsn, "Het nummer 123456782 staat op de brief.", "123456782"),
                row(bsn, "BSN 111222333, zaaknummer 123456782", "111222333"),
                // BSN: hard negatives
                row(bsn, "Zaaknummer 123456782 is aangemaakt."),
                row(bsn, "factuurnummer: 111222333"),
                row(bsn, "RSIN 123456782 van de stichting"),
                row(bsn, "KvK 12345678, vestigingsnummer 123456782"),
                row(bsn, "btw-id NL123456782B01"),
                row(bsn, "BSN 123456789 (fout getypt)"),
                row(bsn, "een bedrag van € 123.456.782 in de begroting"),
                row(bsn, "telefoon 0612345678"),
                row(bsn, "kenmerk 2024-123456782"),
                row(bsn, "sofinummer 123.456.782 (oud formulier)", "123.456.782"),
                // IBAN
                row(iban, "Maak over op NL91ABNA0417164300 o.v.v. kenmerk.", "NL91ABNA0417164300"),
                row(iban, "IBAN: NL91 ABNA 0417 1643 00", "NL91 ABNA 0417 1643 00"),
                row(iban, "rekening nl91abna0417164300 graag", "nl91abna0417164300"),
                row(iban, "Belgische rekening BE68 5390 0754 7034.", "BE68 5390 0754 7034"),
                row(iban, "Duitse rekening DE89370400440532013000", "DE89370400440532013000"),
                row(iban, "FR1420041010050500013M02606 is Frans", "FR1420041010050500013M02606"),
                row(iban, "NL91-ABNA-0417-1643-00 met streepjes", "NL91-ABNA-0417-1643-00"),
                row(iban, "NL91 ABNA 0417 1643 01 is ongeldig"),
                row(iban, "NL12 3456 7890 is geen IBAN"),
                // e-mail
                row(email, "Mail naar j.devries@gmail.com graag.", "j.devries@gmail.com"),
                row(email, "fatima.el-amrani@utrecht.nl schreef", "fatima.el-amrani@utrecht.nl"),
                row(email, "Vragen? Mail info@gemeente.nl of wmo@zwolle.nl."),
                row(email, "Stuur het naar noreply@overheid.nl en privacy@tilburg.nl"),
                row(email, "klantenservice@ziggo.nl of burgemeester@utrecht.nl, niet piet.jansen@ziggo.nl", "piet.jansen@ziggo.nl"),
                // phone
                row(phone, "Bel mij op 06-12345678.", "06-12345678"),
                row(phone, "tel. 06 1234 5678 of 020-1234567", "06 1234 5678", "020-1234567"),
                row(phone, "Bereikbaar op +31 6 12345678", "+31 6 12345678"),
                row(phone, "+31(0)20 123 4567 (kantoor)", "+31(0)20 123 4567"),
                row(phone, "0031 10 123 45 67", "0031 10 123 45 67"),
                row(phone, "Zijn Duitse nummer is +49 30 12345678.", "+49 30 12345678"),
                row(phone, "(0341) 123456 thuis", "(0341) 123456"),
                row(phone, "Bel 06 - 12 34 56 78 of 020 - 123 45 67", "06 - 12 34 56 78", "020 - 123 45 67"),
                row(phone, "nummers 0612345678 - 0201234567", "0612345678", "0201234567"),
                row(phone, "IBAN NL60 RABO 0306 2218 64 (niet 1 maar 2 cijfers fout)"),
                row(phone, "Bel de gemeente op 14 020 of 14 0341."),
                row(phone, "Gratis via 0800-1234567 of 0900-1234567"),
                // pii49: 088 is the range for organisations' numbers (ACM's numbering plan), not a person's
                row(phone, "Bel het servicecentrum: 088 - 020 4400 of +31 88 123 45 67"),
                row(phone, "Bel 085 - 020 4400", "085 - 020 4400"),
                row(phone, "Op 06-03-2024 is het besluit genomen."),
                row(phone, "Bedrag: 1.234.567,89 euro"),
                // postcode
                row(postcode, "Kerkstraat 12, 3511 AB Utrecht", "3511 AB"),
                row(postcode, "postcode 1234ab", "1234ab"),
                row(postcode, "Wonend te 8011SE Zwolle", "8011SE"),
                row(postcode, "1234 SA en 5678 SS en 4321 SD bestaan niet"),
                row(postcode, "In 2024 EU-breed ingevoerd en in 2023 de regels"),
                row(postcode, "3511 ab Utrecht en postcode 1234 xy", "3511 ab", "1234 xy"),
                row(postcode, "In 2024 de Gemeente"),
                row(postcode, "ze woont op de troelstralaan 14 in 2624 ed delft, kastanjelaan 7 6826 ng arnhem",
                        "2624 ed", "6826 ng"),
                row(postcode, "op pagina 14 in 2024 is dat veranderd en in 2025 de regels"),
                // address
                row(address, "Zij woont aan de Kerkstraat 12a in Utrecht.", "Kerkstraat 12a"),
                row(address, "Adres: Willem de Zwijgerlaan 20-I", "Willem de Zwijgerlaan 20-I"),
                row(address, "Oudegracht 5 hs, Utrecht", "Oudegracht 5 hs"),
                row(address, "verhuisd naar Burg. de Withstraat 101-3", "Burg. de Withstraat 101-3"),
                row(address, "hij woont op de Dorpsweg 7", "Dorpsweg 7"),
                row(address, "Keizersgracht 123-1hg, Amsterdam", "Keizersgracht 123-1hg"),
                row(address, "woonachtig Laan van Nieuw Oost-Indië 123, Den Haag", "Laan van Nieuw Oost-Indië 123"),
                row(address, "Zie artikel 4:8 Awb en de Jeugdwet 2015."),
                row(address, "De Kerkstraat is afgesloten."),
                // date of birth
                row(dob, "geboren op 12 maart 1961 te Utrecht", "12 maart 1961"),
                row(dob, "Geb. 03-04-1985, BSN volgt", "03-04-1985"),
                row(dob, "geboortedatum: 1990-07-15", "1990-07-15"),
                row(dob, "De vergadering is op 12 maart 2025 om 10.00 uur."),
                row(dob, "Besluit van 01-02-2024 verzonden."),
                // licence plates
                row(plate, "Kenteken 12-ABC-3 stond verkeerd geparkeerd.", "12-ABC-3"),
                row(plate, "auto met XX-99-99 en G-123-BB", "XX-99-99", "G-123-BB"),
                row(plate, "kenteken: 1KBB23", "1KBB23"),
                row(plate, "de auto met kenteken 12-abc-3 stond er", "12-abc-3"),
                row(plate, "Besluit van 12-03-24 is verstuurd."),
                row(plate, "COVID-19 maatregelen"),
                // identity documents
                row(id, "paspoortnummer SPECI2014 is verlopen", "SPECI2014"),
                row(id, "ID-kaart: IR5T8K3L2", "IR5T8K3L2"),
                row(id, "rijbewijsnummer 4123456789", "4123456789"),
                row(id, "zaaknummer ZK2400123 aangemaakt"),
                row(id, "Projectcode AB1234567 in de begroting"),
                // V-nummer
                row(vnr, "V-nummer 1234567890 van de IND", "1234567890"),
                row(vnr, "vreemdelingennummer: 12 34 56 78 90", "12 34 56 78 90"),
                row(vnr, "telefoon 0612345678"),
                // IP
                row(ip, "ingelogd vanaf 192.168.1.25 en 2001:db8::8a2e:370:7334", "192.168.1.25", "2001:db8::8a2e:370:7334"),
                row(ip, "versie 1.2.3.4 van de app"),
                row(ip, "om 12:30:45 en artikel 4:8"),
                row(ip, "999.1.1.1 is geen adres"),
                // KvK
                row(kvk, "Zij heeft een eenmanszaak, KvK-nummer 12345678.", "12345678"),
                row(kvk, "zzp'er, ingeschreven bij de KvK onder 87654321", "87654321"),
                row(kvk, "Stichting De Brug, KvK 12345678"),
                row(kvk, "Bouwbedrijf Jansen B.V. (KvK 12345678)"),
                row(kvk, "Een eenmanszaak, maar zaaknummer 12345678"),
                // special categories
                row(special, "Cliënt heeft last van depressie en gebruikt medicatie.", "depressie", "medicatie"),
                row(special, "Aanvraag huishoudelijke hulp en een scootmobiel via de Wmo", "huishoudelijke hulp", "scootmobiel"),
                row(special, "De jeugdhulp loopt via Veilig Thuis", "jeugdhulp", "Veilig Thuis"),
                row(special, "Zij is moslim en draagt een hoofddoek.", "moslim", "hoofddoek"),
                row(special, "Als de beslissing valt, ms-teams en de ADHD-regeling? nee", "ADHD"),
                row(special, "De vergadering over de begroting is verplaatst."),
                row(special, "Dienstverlening zit in het DNA van de gemeente."),
                row(special, "Er is DNA-onderzoek gedaan.", "DNA-onderzoek")
        );
    }

    private static Arguments row(Recognizer r, String text, String... expected) {
        return Arguments.of(r.name(), r, text, List.of(expected));
    }

    @ParameterizedTest(name = "{0}: {2}")
    @MethodSource("cases")
    void findsExactlyTheExpectedValues(String name, Recognizer recognizer, String text, List<String> expected) {
        List<String> found = recognizer.find(text).stream().map(f -> text.substring(f.start(), f.end())).toList();
        assertThat(found).containsExactlyInAnyOrderElementsOf(expected);
    }
}
