package dev.connectome.report;

import org.w3c.dom.Document;
import org.xml.sax.ErrorHandler;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import java.io.StringReader;

/** Strict XML parsing of generated markup: any warning or error fails the test. */
public final class Xml {

    private Xml() {
    }

    public static Document parse(String markup) {
        try {
            DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
            f.setNamespaceAware(true);
            f.setValidating(false);
            f.setExpandEntityReferences(false);
            f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            f.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
            DocumentBuilder b = f.newDocumentBuilder();
            b.setErrorHandler(new ErrorHandler() {
                @Override
                public void warning(SAXParseException e) throws SAXException {
                    throw e;
                }

                @Override
                public void error(SAXParseException e) throws SAXException {
                    throw e;
                }

                @Override
                public void fatalError(SAXParseException e) throws SAXException {
                    throw e;
                }
            });
            return b.parse(new InputSource(new StringReader(markup)));
        } catch (Exception e) {
            throw new AssertionError("markup is not well-formed XML: " + e.getMessage() + "\n" + excerpt(markup, e), e);
        }
    }

    private static String excerpt(String markup, Exception e) {
        if (e instanceof SAXParseException p && p.getLineNumber() > 0) {
            String[] lines = markup.split("\n", -1);
            String line = lines[Math.min(lines.length, p.getLineNumber()) - 1];
            int c = Math.max(0, p.getColumnNumber() - 1);
            return line.substring(Math.max(0, c - 120), Math.min(line.length(), c + 40));
        }
        return markup.length() > 400 ? markup.substring(0, 400) : markup;
    }
}
