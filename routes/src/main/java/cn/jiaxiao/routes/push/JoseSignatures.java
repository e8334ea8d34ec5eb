package cn.jiaxiao.routes.push;

/**
 * ECDSA signatures in the JOSE form (RFC 7518 §3.4: R and S, each fixed length, concatenated). The JDK's
 * {@code SHA256withECDSA} emits ASN.1 DER, which push services reject in a JWT.
 */
final class JoseSignatures {

    private JoseSignatures() {
    }

    /**
     * @param der {@code SEQUENCE { INTEGER r, INTEGER s }}
     * @param partLength bytes per integer in the result: 32 for ES256
     */
    static byte[] derToJose(byte[] der, int partLength) {
        Reader in = new Reader(der);
        in.expect(0x30);
        int sequenceEnd = in.length() + in.position;
        if (sequenceEnd != der.length) {
            throw new IllegalArgumentException("Trailing bytes after the DER signature");
        }
        byte[] jose = new byte[2 * partLength];
        copyInteger(in, jose, 0, partLength);
        copyInteger(in, jose, partLength, partLength);
        if (in.position != der.length) {
            throw new IllegalArgumentException("Trailing bytes inside the DER signature");
        }
        return jose;
    }

    private static void copyInteger(Reader in, byte[] target, int offset, int partLength) {
        in.expect(0x02);
        int length = in.length();
        int start = in.position;
        int end = start + length;
        // DER prefixes a zero byte when the top bit is set; drop it and any other leading zeros.
        while (start < end - 1 && in.bytes[start] == 0) {
            start++;
        }
        int significant = end - start;
        if (significant > partLength) {
            throw new IllegalArgumentException("Signature integer longer than " + partLength + " bytes");
        }
        System.arraycopy(in.bytes, start, target, offset + partLength - significant, significant);
        in.position = end;
    }

    private static final class Reader {
        final byte[] bytes;
        int position;

        Reader(byte[] bytes) {
            this.bytes = bytes;
        }

        void expect(int tag) {
            if (position >= bytes.length || (bytes[position++] & 0xff) != tag) {
                throw new IllegalArgumentException("Not a DER ECDSA signature");
            }
        }

        int length() {
            if (position >= bytes.length) {
                throw new IllegalArgumentException("Truncated DER signature");
            }
            int first = bytes[position++] & 0xff;
            int length;
            if (first < 0x80) {
                length = first;
            } else if (first == 0x81 && position < bytes.length) {
                length = bytes[position++] & 0xff;
            } else {
                throw new IllegalArgumentException("Unexpected DER length form");
            }
            if (position + length > bytes.length) {
                throw new IllegalArgumentException("Truncated DER signature");
            }
            return length;
        }
    }
}
