# For each DICOM file named on the command line, print one line per frame:
#   path <TAB> frame <TAB> md5 of the frame's stored values as little-endian int32, pixel-interleaved
# or   path <TAB> SKIP <TAB> reason
# Stored values as PS3.5 8.1.1 defines them: shifted down by HighBit - BitsStored + 1, masked to BitsStored,
# sign-extended when PixelRepresentation is 1. pydicom's pixel_array gives the container values; this
# normalisation is done here so that the comparison is with ImageFrames.readFrame.
import hashlib
import sys

import numpy as np
import pydicom

NATIVE = {"1.2.840.10008.1.2", "1.2.840.10008.1.2.1", "1.2.840.10008.1.2.2", "1.2.840.10008.1.2.1.99"}

for path in sys.argv[1:]:
    try:
        ds = pydicom.dcmread(path, force=True)
        ts = str(ds.file_meta.TransferSyntaxUID) if "TransferSyntaxUID" in getattr(ds, "file_meta", {}) else ""
        if "PixelData" not in ds:
            print(f"{path}\tSKIP\tno pixel data")
            continue
        if ts and ts not in NATIVE:
            print(f"{path}\tSKIP\tencapsulated")
            continue
        pi = str(ds.get("PhotometricInterpretation", "")).strip()
        if pi.startswith("YBR") and pi not in ("YBR_FULL", "YBR_FULL_422"):
            print(f"{path}\tSKIP\tsubsampled YBR")
            continue
        arr = ds.pixel_array
        frames = int(ds.get("NumberOfFrames", 1) or 1)
        spp = int(ds.get("SamplesPerPixel", 1))
        if frames == 1:
            arr = arr[np.newaxis, ...]
        ba = int(ds.BitsAllocated)
        bs = int(ds.get("BitsStored", ba))
        hb = int(ds.get("HighBit", bs - 1))
        signed = int(ds.get("PixelRepresentation", 0)) == 1
        shift = hb - bs + 1
        for f in range(frames):
            if ba == 1:
                v = arr[f].astype(np.int64)
            else:
                unsigned = arr[f].astype(np.int64) & ((1 << ba) - 1)
                v = (unsigned >> shift) & ((1 << bs) - 1)
                if signed:
                    v = np.where(v >= (1 << (bs - 1)), v - (1 << bs), v)
            data = v.astype("<i4").reshape(-1).tobytes()
            print(f"{path}\t{f}\t{hashlib.md5(data).hexdigest()}")
    except Exception as e:  # a file pydicom cannot handle is reported, the Java side decides
        print(f"{path}\tSKIP\tpydicom: {type(e).__name__}: {str(e)[:80]}")
