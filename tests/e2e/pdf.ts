import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs'

/** The text of a PDF's first page, as a reader extracts it (pdf.js). */
export async function pdfText(bytes: Uint8Array) {
  const doc = await getDocument({ data: new Uint8Array(bytes), verbosity: 0 }).promise
  const content = await (await doc.getPage(1)).getTextContent()
  await doc.destroy()
  return content.items.map((item) => ('str' in item ? item.str : '')).join(' ')
}

/** The short verification address printed on a certificate (its QR code holds the same). */
export function printedVerifyUrl(text: string) {
  return text.match(/https?:\/\/\S+\/v\/[a-z2-7]{24}/)?.[0] ?? null
}
