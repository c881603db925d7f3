/**
 * Synthetic files in the shapes offices really send (labelled synthetic: the
 * names and numbers are made up for tests, never loaded as real data).
 */
export function windows1250(text: string): Uint8Array {
  // Node's TextEncoder only writes UTF-8: map the Hungarian letters of Windows-1250 by hand.
  const table: Record<string, number> = { á: 0xe1, é: 0xe9, í: 0xed, ó: 0xf3, ö: 0xf6, ő: 0xf5, ú: 0xfa, ü: 0xfc, ű: 0xfb,
    Á: 0xc1, É: 0xc9, Í: 0xcd, Ó: 0xd3, Ö: 0xd6, Ő: 0xd5, Ú: 0xda, Ü: 0xdc, Ű: 0xdb };
  return Uint8Array.from([...text].map((character) => {
    const code = table[character] ?? character.charCodeAt(0);
    if (code > 0xff) throw new Error(`no Windows-1250 byte for ${character}`);
    return code;
  }));
}

export function utf8(text: string): Uint8Array {
  return new TextEncoder().encode(text);
}

/** Institutions as a municipal GIS exports them: Windows-1250, semicolons, EOV coordinates with decimal commas. */
export const INSTITUTIONS_EOV_CSV = [
  'Név;Típus;Cím;Település;EOV Y;EOV X;Férőhely;Fenntartó',
  'Ózdi Családsegítő (teszt);Családsegítő és gyermekjóléti szolgálat;Ózd, Petőfi út 1.;Ózd;742149,5;321559,4;40;Ózd Város Önkormányzata',
  'Miskolci Idősek Klubja (teszt);Idősek klubja;Miskolc, Fő u. 2.;Miskolc;773057,0;306773,8;25;Miskolci Szociális Központ',
  'Cigándi Szociális Konyha (teszt);Szociális konyha;Cigánd, Kossuth u. 3.;Cigánd;860559,6;328958,2;120;Cigánd Község',
].join('\r\n');
