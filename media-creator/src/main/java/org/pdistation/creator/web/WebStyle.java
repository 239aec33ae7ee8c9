package org.pdistation.creator.web;

/** The one style sheet of the web content, {@code IHE_PDI/STYLE.CSS}: plain CSS 2.1, readable when printed. */
final class WebStyle {
    static final String FILE = "STYLE.CSS";

    static final String CSS = """
            body { font-family: "Segoe UI", "Noto Sans", "Noto Sans CJK JP", "Hiragino Sans", "Droid Sans Fallback",
                   Arial, sans-serif; color: #1d2733; background: #f4f6f8; margin: 0; padding: 0 0 32px 0;
                   line-height: 1.45; }
            .top { background: #1f4e79; color: #ffffff; padding: 18px 32px 14px 32px; }
            .top h1 { margin: 0; font-size: 26px; font-weight: 600; }
            .top p { margin: 4px 0 0 0; color: #d8e4f0; font-size: 14px; }
            .nav { padding: 10px 32px; font-size: 14px; background: #e3e9ef; border-bottom: 1px solid #c9d3dd; }
            .nav a { color: #1f4e79; }
            .main { padding: 8px 32px; max-width: 1100px; }
            h2 { font-size: 19px; color: #1f4e79; margin: 24px 0 8px 0; border-bottom: 2px solid #c9d3dd;
                 padding-bottom: 4px; }
            table { border-collapse: collapse; background: #ffffff; width: 100%; font-size: 14px; }
            th { text-align: left; background: #e3e9ef; padding: 6px 10px; border: 1px solid #c9d3dd;
                 font-weight: 600; }
            td { padding: 6px 10px; border: 1px solid #d9e0e7; vertical-align: top; }
            dl.facts { display: table; margin: 0; font-size: 15px; }
            dl.facts div { display: table-row; }
            dl.facts dt { display: table-cell; padding: 3px 18px 3px 0; color: #5a6b7c; }
            dl.facts dd { display: table-cell; margin: 0; padding: 3px 0; font-weight: 600; }
            .notice { background: #fff8e1; border: 1px solid #e6cf8b; padding: 10px 14px; font-size: 14px; }
            .grid { overflow: hidden; }
            .tile { float: left; width: 148px; margin: 0 12px 12px 0; background: #ffffff;
                    border: 1px solid #c9d3dd; padding: 6px; text-align: center; font-size: 12px; }
            .tile img { background: #000000; border: 0; }
            .tile span { display: block; margin-top: 4px; color: #5a6b7c; }
            .missing { height: 128px; width: 128px; margin: 0 auto; background: #2b333b; color: #e8edf2;
                       font-size: 12px; display: table-cell; vertical-align: middle; text-align: center; }
            .foot { padding: 16px 32px; font-size: 12px; color: #5a6b7c; }
            """;

    private WebStyle() {}
}
