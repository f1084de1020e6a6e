// The reports rendered in Node here (a PDF, a bundle's pages) are in any language, as in the CLI: every one installed.
import '@/i18n/all-locales';
