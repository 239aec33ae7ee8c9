package org.pdistation.viewer.cli;

import java.util.ArrayList;
import java.util.List;

import org.pdistation.imaging.data.Dataset;
import org.pdistation.imaging.data.ElementDictionary;
import org.pdistation.imaging.data.Tag;
import org.pdistation.imaging.data.VR;
import org.pdistation.imaging.net.QueryLevel;
import org.pdistation.imaging.net.QueryModel;
import org.pdistation.imaging.net.RemoteAe;

import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** What find, get and move share: the peer, the information model and level, the keys, our AE title. */
final class QueryOptions {
    @Parameters(index = "0", paramLabel = "AET@HOST:PORT", description = "the Q/R (or worklist) SCP")
    String peer;

    @Option(names = "--level", defaultValue = "STUDY", description = "PATIENT, STUDY, SERIES or IMAGE (default: ${DEFAULT-VALUE})")
    QueryLevel level;

    @Option(names = "--model", defaultValue = "study", description = "study, patient or worklist (default: ${DEFAULT-VALUE})")
    String model;

    @Option(names = {"-k", "--key"}, paramLabel = "Keyword=value",
            description = "a matching key (value may be empty: a return key); repeatable")
    List<String> keys = new ArrayList<>();

    @Option(names = "--calling-aet", defaultValue = "PDISTATION", description = "our AE title (default: ${DEFAULT-VALUE})")
    String callingAet;

    /** One parsed -k option. */
    record Key(String keyword, int tag, String value) {
    }

    RemoteAe target() {
        RemoteAe.checkAet(callingAet);
        return RemoteAe.parse(peer);
    }

    QueryModel queryModel() {
        return QueryModel.parse(model);
    }

    List<Key> parsedKeys() {
        List<Key> list = new ArrayList<>();
        for (String k : keys) {
            int eq = k.indexOf('=');
            String keyword = eq < 0 ? k : k.substring(0, eq);
            String value = eq < 0 ? "" : k.substring(eq + 1);
            int tag = ElementDictionary.tagOf(keyword);
            if (tag == -1) {
                throw new IllegalArgumentException("unknown keyword '" + keyword + "' (PS3.6 keyword expected)");
            }
            VR vr = ElementDictionary.vrOf(tag);
            if (vr == VR.SQ) {
                throw new IllegalArgumentException("sequence keys such as " + keyword + " are not supported");
            }
            list.add(new Key(keyword, tag, value));
        }
        return list;
    }

    /** The identifier: Query/Retrieve Level (PS3.4 C.4.1.1.3.1; not part of a worklist query) plus the keys. */
    Dataset identifier() {
        Dataset ds = new Dataset();
        if (queryModel() != QueryModel.WORKLIST) {
            ds.setString(Tag.QueryRetrieveLevel, VR.CS, level.name());
        }
        for (Key k : parsedKeys()) {
            ds.setString(k.tag(), ElementDictionary.vrOf(k.tag()), k.value());
        }
        return ds;
    }
}
