package org.pdistation.importer.reconcile;

import java.time.Clock;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.pdistation.imaging.charset.SpecificCharacterSet;
import org.pdistation.imaging.data.Dataset;
import org.pdistation.imaging.data.Sequence;
import org.pdistation.imaging.data.Tag;
import org.pdistation.imaging.data.VR;

/**
 * Puts a data set under the local identity (PDI-REQUIREMENTS 29-30): Patient ID, Issuer, Name, Birth Date, Sex and
 * optionally Accession Number and a study description prefix are replaced; the previous values go into one new
 * Original Attributes Sequence item (PS3.3 C.12.1, reason COERCE); the original ID is kept in Other Patient IDs
 * Sequence (PS3.3 C.7.1.1). UIDs and pixel data are not touched: the data set given is normally a header read up to
 * Pixel Data.
 */
public final class Coercion {
    private static final Set<VR> TEXT = Set.of(VR.SH, VR.LO, VR.ST, VR.LT, VR.UT, VR.PN, VR.UC);
    private static final DateTimeFormatter DT = DateTimeFormatter.ofPattern("yyyyMMddHHmmss.SSSSSSZ");

    private Coercion() {}

    public static void apply(Dataset ds, LocalIdentity id, ModifyingSystem system, Clock clock) {
        // PS3.5 6.1.2.5: if a new value cannot be expressed in the data set's repertoire, move the whole data set
        // to UTF-8 (ISO_IR 192) first, decoding every text value with the character set it was written in.
        List<String> newValues = new ArrayList<>(List.of(id.patientId(), nz(id.issuer()), nz(id.name())));
        if (id.accessionNumber() != null) {
            newValues.add(id.accessionNumber());
        }
        if (id.studyDescriptionPrefix() != null) {
            newValues.add(id.studyDescriptionPrefix() + ds.getString(Tag.StudyDescription, ""));
        }
        SpecificCharacterSet cs = ds.charset();
        if (!newValues.stream().allMatch(cs::canEncode)) {
            toUtf8(ds);
        }
        Dataset previous = new Dataset(ds.isBigEndian(), 8);
        String oldId = ds.getString(Tag.PatientID, "");
        String oldIssuer = ds.getString(Tag.IssuerOfPatientID, "");
        replace(ds, previous, Tag.PatientID, VR.LO, id.patientId());
        replace(ds, previous, Tag.IssuerOfPatientID, VR.LO, nz(id.issuer()));
        replace(ds, previous, Tag.PatientName, VR.PN, nz(id.name()));
        replace(ds, previous, Tag.PatientBirthDate, VR.DA, nz(id.birthDate()));
        replace(ds, previous, Tag.PatientSex, VR.CS, nz(id.sex()));
        if (id.accessionNumber() != null) {
            replace(ds, previous, Tag.AccessionNumber, VR.SH, id.accessionNumber());
        }
        if (id.studyDescriptionPrefix() != null && !id.studyDescriptionPrefix().isEmpty()) {
            replace(ds, previous, Tag.StudyDescription, VR.LO,
                    id.studyDescriptionPrefix() + ds.getString(Tag.StudyDescription, ""));
        }
        // PS3.3 C.7.1.1: the medium's ID stays findable as an other ID of the patient, with its issuer.
        if (!oldId.isEmpty() && !(oldId.equals(id.patientId()) && oldIssuer.equals(nz(id.issuer())))) {
            Sequence others = ds.ensureSequence(Tag.OtherPatientIDsSequence);
            Dataset item = others.addItem();
            item.setString(Tag.PatientID, VR.LO, oldId);
            if (!oldIssuer.isEmpty()) {
                item.setString(Tag.IssuerOfPatientID, VR.LO, oldIssuer);
            }
            item.setString(Tag.TypeOfPatientID, VR.CS, "TEXT");
        }
        // PS3.3 C.12.1: one item per modification, holding the replaced values and who, when and why.
        Sequence original = ds.ensureSequence(Tag.OriginalAttributesSequence);
        Dataset item = original.addItem();
        item.setString(Tag.SourceOfPreviousValues, VR.LO, nz(system.sourceOfPreviousValues()));
        item.setString(Tag.AttributeModificationDateTime, VR.DT, DT.format(ZonedDateTime.now(clock)));
        item.setString(Tag.ModifyingSystem, VR.LO, system.name());
        item.setString(Tag.ReasonForTheAttributeModification, VR.CS, "COERCE");
        Sequence modified = item.newSequence(Tag.ModifiedAttributesSequence, 1);
        Dataset prev = modified.addItem();
        for (int i = 0; i < previous.size(); i++) {
            prev.set(previous.tagAt(i), previous.vrAt(i), previous.valueAt(i));
        }
    }

    /** Records the decoded old value (empty when absent) and sets the new one. */
    private static void replace(Dataset ds, Dataset previous, int tag, VR vr, String value) {
        String[] old = ds.getStrings(tag);
        previous.set(tag, vr, String.join("\\", old));
        ds.setString(tag, vr, value);
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }

    /** Decodes every text value (items included) with its set and switches (0008,0005) to ISO_IR 192. */
    static void toUtf8(Dataset ds) {
        decodeText(ds);
        ds.setString(Tag.SpecificCharacterSet, VR.CS, "ISO_IR 192");
    }

    private static void decodeText(Dataset ds) {
        List<Integer> tags = new ArrayList<>();
        List<VR> vrs = new ArrayList<>();
        List<String> values = new ArrayList<>();
        for (int i = 0; i < ds.size(); i++) {
            Object v = ds.valueAt(i);
            if (v instanceof Sequence seq) {
                for (Dataset item : seq) {
                    decodeText(item);
                    if (item.contains(Tag.SpecificCharacterSet)) {
                        item.setString(Tag.SpecificCharacterSet, VR.CS, "ISO_IR 192");
                    }
                }
            } else if (v instanceof byte[] && TEXT.contains(ds.vrAt(i))) {
                tags.add(ds.tagAt(i));
                vrs.add(ds.vrAt(i));
                VR vr = ds.vrAt(i);
                // ST, LT and UT are single-valued: a backslash in them is text, not a separator (PS3.5 6.2).
                String[] parts = ds.getStrings(ds.tagAt(i));
                values.add(vr == VR.ST || vr == VR.LT || vr == VR.UT ? ds.getText(ds.tagAt(i)) : String.join("\\",
                        parts));
            }
        }
        for (int i = 0; i < tags.size(); i++) {
            ds.set(tags.get(i), vrs.get(i), values.get(i));
        }
    }
}
