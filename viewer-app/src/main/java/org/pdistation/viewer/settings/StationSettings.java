package org.pdistation.viewer.settings;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

import org.pdistation.imaging.media.Profile;
import org.pdistation.imaging.net.RemoteAe;

/**
 * What the user sets once for the station (issue 8 item 6).
 *
 * @param aeTitle        the station's own AE title (calling AE of every association it opens)
 * @param port           the port its own SCP listens on
 * @param nodes          the PACS nodes, in the user's order
 * @param keyStore       TLS key store (PKCS#12) with the station's certificate, or null
 * @param trustStore     TLS trust store with the peers' certificates, or null
 * @param institution    the creating institution named on media (README.TXT, label, web pages)
 * @param defaultProfile the media profile the create screen starts with
 * @param language       "en" or "ja"; applied when the station starts
 * @param worklist       the Modality Worklist SCP the import screen looks patients up in (PS3.4 K), or null
 * @param keyStorePassword   the key store's password (also the key's, as keytool makes PKCS#12 stores); "" for none
 * @param trustStorePassword the trust store's password; "" for none
 */
public record StationSettings(String aeTitle, int port, List<PacsNode> nodes, Path keyStore, Path trustStore,
                              String institution, Profile defaultProfile, String language, PacsNode worklist,
                              String keyStorePassword, String trustStorePassword) {
    public static final List<String> LANGUAGES = List.of("en", "ja");

    public StationSettings {
        RemoteAe.checkAet(aeTitle);
        if (port < 1 || port > 65535) throw new IllegalArgumentException("port " + port + " is not 1-65535");
        nodes = List.copyOf(nodes);
        institution = institution == null ? "" : institution.strip();
        if (defaultProfile == null) defaultProfile = Profile.STD_GEN_CD;
        if (!LANGUAGES.contains(language)) language = "en";
        keyStorePassword = keyStorePassword == null ? "" : keyStorePassword;
        trustStorePassword = trustStorePassword == null ? "" : trustStorePassword;
    }

    /** Without store passwords (stores made without one). */
    public StationSettings(String aeTitle, int port, List<PacsNode> nodes, Path keyStore, Path trustStore,
                           String institution, Profile defaultProfile, String language, PacsNode worklist) {
        this(aeTitle, port, nodes, keyStore, trustStore, institution, defaultProfile, language, worklist, "", "");
    }

    /** Without a worklist node. */
    public StationSettings(String aeTitle, int port, List<PacsNode> nodes, Path keyStore, Path trustStore,
                           String institution, Profile defaultProfile, String language) {
        this(aeTitle, port, nodes, keyStore, trustStore, institution, defaultProfile, language, null);
    }

    public static StationSettings defaults() {
        String lang = Locale.getDefault().getLanguage().equals("ja") ? "ja" : "en";
        return new StationSettings("PDISTATION", 11112, List.of(), null, null, "", Profile.STD_GEN_CD, lang);
    }

    public StationSettings withNodes(List<PacsNode> n) {
        return new StationSettings(aeTitle, port, n, keyStore, trustStore, institution, defaultProfile, language,
                worklist, keyStorePassword, trustStorePassword);
    }

    public StationSettings withWorklist(PacsNode w) {
        return new StationSettings(aeTitle, port, nodes, keyStore, trustStore, institution, defaultProfile, language,
                w, keyStorePassword, trustStorePassword);
    }

    /** The TLS stores and their passwords. */
    public StationSettings withTls(Path keys, String keysPassword, Path trust, String trustPassword) {
        return new StationSettings(aeTitle, port, nodes, keys, trust, institution, defaultProfile, language, worklist,
                keysPassword, trustPassword);
    }

    /** As a record would print it, the passwords masked: settings may reach a log or an error message. */
    @Override
    public String toString() {
        return "StationSettings[aeTitle=" + aeTitle + ", port=" + port + ", nodes=" + nodes + ", keyStore=" + keyStore
                + ", trustStore=" + trustStore + ", institution=" + institution + ", defaultProfile=" + defaultProfile
                + ", language=" + language + ", worklist=" + worklist + ", keyStorePassword="
                + (keyStorePassword.isEmpty() ? "" : "***") + ", trustStorePassword="
                + (trustStorePassword.isEmpty() ? "" : "***") + "]";
    }

    public Locale locale() {
        return Locale.forLanguageTag(language);
    }
}
