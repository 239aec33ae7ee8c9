package org.pdistation.imaging.media.verify;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.Locale;

/** PDI-REQUIREMENTS A 1-5: what the root of the medium holds. */
final class RootEntryChecks implements Check {
    @Override
    public void run(Medium m) {
        Findings f = m.findings;
        // 1: exactly one DICOMDIR, upper case, no extension (PS3.10 8.6, PS3.11 one file-set per medium).
        if (m.dicomdirPath == null) {
            f.error(FindingKind.DICOMDIR_MISSING, 1, "", -1, null, "no DICOMDIR in the root of the medium");
        } else if (!m.dicomdirRel().equals("DICOMDIR")) {
            f.error(FindingKind.DICOMDIR_NAME, 1, m.dicomdirRel(), -1, null, "the DICOMDIR is named '" + m.dicomdirRel()
                    + "'; PS3.10 requires exactly 'DICOMDIR' (upper case, no extension)");
        }
        boolean hasIndex = false;
        boolean hasIhePdi = false;
        boolean hasReadme = false;
        String readmeVariant = null;
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(m.root)) {
            for (Path p : ds) {
                String name = p.getFileName().toString();
                String upper = name.toUpperCase(Locale.ROOT);
                boolean dir = Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS);
                if (name.equals("README.TXT")) {
                    hasReadme = true;
                } else if (upper.equals("README.TXT") || upper.equals("README.TXT;1")) {
                    readmeVariant = name;
                }
                if (name.equals("INDEX.HTM")) {
                    hasIndex = true;
                }
                if (dir && name.equals("IHE_PDI")) {
                    hasIhePdi = true;
                } else if (upper.startsWith("IHE")) {
                    // 5 (IHE): IHE_PDI is the only root entry whose name may start with IHE.
                    f.error(5, name, -1, null, "root entry '" + name
                            + "' starts with 'IHE'; only the IHE_PDI directory may");
                }
            }
        } catch (IOException e) {
            f.error(FindingKind.UNREADABLE, 1, "", -1, null, "cannot list the root: " + e.getMessage());
        }
        if (!hasReadme) {
            f.error(3, "README.TXT", -1, null, readmeVariant != null
                    ? "README.TXT is named '" + readmeVariant + "'; IHE PDI requires 'README.TXT' in the root"
                    : "no README.TXT in the root (IHE PDI: who made the medium, what it holds, how to view it)");
        }
        if (m.options.checkWebContent()) {
            if (!hasIndex) {
                f.error(4, "INDEX.HTM", -1, null, "Web Content option: no INDEX.HTM in the root");
            }
            if (!hasIhePdi) {
                f.error(4, "IHE_PDI", -1, null, "Web Content option: no IHE_PDI directory in the root");
            }
        }
        for (MediumFile mf : m.files) {
            if (!mf.dicom()) {
                continue;
            }
            if (mf.inRoot() && !mf.rel().equalsIgnoreCase("DICOMDIR")) {
                // 2: PS3.10 8.6 keeps the root for the DICOMDIR; instances live under directories.
                f.error(2, mf.rel(), -1, null, "a DICOM file in the root directory; only the DICOMDIR may be there");
            } else if (!mf.inRoot() && mf.rel().substring(mf.rel().lastIndexOf('/') + 1).equalsIgnoreCase("DICOMDIR")) {
                f.error(FindingKind.SECOND_DICOMDIR, 1, mf.rel(), -1, null, "a second DICOMDIR below the root; a PDI medium holds one file-set");
            } else if (mf.firstComponent().equalsIgnoreCase("IHE_PDI")) {
                f.error(FindingKind.DICOM_IN_WEB_CONTENT, 4, mf.rel(), -1, null, "a DICOM file under IHE_PDI, which holds web renderings only");
            }
        }
    }
}
