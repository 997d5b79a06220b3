/**
 * North American Numbering Plan area codes of the United States and Canada → state or province
 * and IANA time zone: the geographic codes libphonenumber-js 1.13.16 accepts, except Canada's
 * newest, 273, whose province is not certain here (tests/unit/phone-enrich.test.ts checks the
 * coverage). Toll-free (8xx), premium (900), personal (5xx) and other non-geographic codes are
 * deliberately absent, so they get no location. NANP territories and Caribbean countries (787 Puerto Rico, 876 Jamaica…) are
 * separate countries in libphonenumber and get their zone from country-zones.ts.
 *
 * Zones: a state's zone when the whole area code lies in it, or one that clearly dominates the
 * area code's population; undefined where it is split without a clear majority (812, 850, 867).
 */
const ET = 'America/New_York';
const CT = 'America/Chicago';
const MT = 'America/Denver';
const PT = 'America/Los_Angeles';

/** [state or province, default zone, area codes]. */
const AREAS: ReadonlyArray<readonly [string, string, string]> = [
  ['Alabama', CT, '205 251 256 334 659 938'],
  ['Alaska', 'America/Anchorage', '907'],
  ['Arizona', 'America/Phoenix', '480 520 602 623 928'],
  ['Arkansas', CT, '327 479 501 870'],
  [
    'California',
    PT,
    '209 213 279 310 323 341 350 369 408 415 424 442 510 530 559 562 619 626 628 650 657 661 ' +
      '669 707 714 738 747 760 805 818 820 831 840 858 909 916 925 949 951',
  ],
  ['Colorado', MT, '303 719 720 748 970 983'],
  ['Connecticut', ET, '203 475 860 959'],
  ['Delaware', ET, '302'],
  ['District of Columbia', ET, '202 771'],
  [
    'Florida',
    ET,
    '239 305 321 324 352 386 407 448 561 645 656 689 727 728 754 772 786 813 850 863 904 941 954',
  ],
  ['Georgia', ET, '229 404 470 478 678 706 762 770 912 943'],
  ['Hawaii', 'Pacific/Honolulu', '808'],
  ['Idaho', 'America/Boise', '208 986'],
  ['Illinois', CT, '217 224 309 312 331 447 464 618 630 708 730 773 779 815 847 872'],
  ['Indiana', 'America/Indiana/Indianapolis', '219 260 317 463 574 765 812 930'],
  ['Iowa', CT, '319 515 563 641 712'],
  ['Kansas', CT, '316 620 785 913'],
  ['Kentucky', ET, '270 364 502 606 859'],
  ['Louisiana', CT, '225 318 337 504 985'],
  ['Maine', ET, '207'],
  ['Maryland', ET, '227 240 301 410 443 667'],
  ['Massachusetts', ET, '339 351 413 508 617 774 781 857 978'],
  ['Michigan', 'America/Detroit', '231 248 269 313 517 586 616 734 810 906 947 989'],
  ['Minnesota', CT, '218 320 507 612 651 763 952'],
  ['Mississippi', CT, '228 601 662 769'],
  ['Missouri', CT, '235 314 417 557 573 636 660 816 975'],
  ['Montana', MT, '406'],
  ['Nebraska', CT, '308 402 531'],
  ['Nevada', PT, '702 725 775'],
  ['New Hampshire', ET, '603'],
  ['New Jersey', ET, '201 551 609 640 732 848 856 862 908 973'],
  ['New Mexico', MT, '505 575'],
  [
    'New York',
    ET,
    '212 315 329 332 347 363 516 518 585 607 631 646 680 716 718 838 845 914 917 929 934',
  ],
  ['North Carolina', ET, '252 336 472 704 743 828 910 919 980 984'],
  ['North Dakota', CT, '701'],
  ['Ohio', ET, '216 220 234 283 326 330 380 419 440 513 567 614 740 937'],
  ['Oklahoma', CT, '405 539 572 580 918'],
  ['Oregon', PT, '458 503 541 971'],
  ['Pennsylvania', ET, '215 223 267 272 412 445 484 570 582 610 717 724 814 835 878'],
  ['Rhode Island', ET, '401'],
  ['South Carolina', ET, '803 821 839 843 854 864'],
  ['South Dakota', CT, '605'],
  ['Tennessee', CT, '423 615 629 731 865 901 931'],
  [
    'Texas',
    CT,
    '210 214 254 281 325 346 361 409 430 432 469 512 682 713 726 737 806 817 830 832 903 915 ' +
      '936 940 945 956 972 979',
  ],
  ['Utah', MT, '385 435 801'],
  ['Vermont', ET, '802'],
  ['Virginia', ET, '276 434 540 571 686 703 757 804 826 948'],
  ['Washington', PT, '206 253 360 425 509 564'],
  ['West Virginia', ET, '304 681'],
  ['Wisconsin', CT, '262 274 353 414 534 608 715 920'],
  ['Wyoming', MT, '307'],
  ['Alberta', 'America/Edmonton', '368 403 587 780 825'],
  ['British Columbia', 'America/Vancouver', '236 250 257 604 672 778'],
  ['Manitoba', 'America/Winnipeg', '204 431 584'],
  ['New Brunswick', 'America/Moncton', '428 506'],
  ['Newfoundland and Labrador', 'America/St_Johns', '709 879'],
  ['Nova Scotia and Prince Edward Island', 'America/Halifax', '782 902'],
  [
    'Ontario',
    'America/Toronto',
    '226 249 289 343 365 382 416 437 519 548 613 647 683 705 742 753 807 905 942',
  ],
  ['Quebec', 'America/Toronto', '263 354 367 418 438 450 468 514 579 581 819 873'],
  ['Saskatchewan', 'America/Regina', '306 474 639'],
  ['Yukon, Northwest Territories and Nunavut', '', '867'],
];

/** Area codes whose zone differs from their state's (split states). '' = no single zone. */
const ZONE_OVERRIDES: Readonly<Record<string, string>> = {
  '219': CT, // north-west Indiana (Gary) keeps Chicago time
  '812': '', // southern Indiana: Evansville Central, Bloomington Eastern
  '930': '',
  '850': '', // Florida panhandle: Tallahassee Eastern, Pensacola and Panama City Central
  '448': '',
  '270': CT, // western Kentucky
  '364': CT,
  '502': 'America/Kentucky/Louisville',
  '423': ET, // east Tennessee (Chattanooga)
  '865': ET, // Knoxville
  '915': MT, // El Paso
};

export interface NanpArea {
  region: string;
  timeZone?: string;
}

let index: Map<string, NanpArea> | undefined;

function build(): Map<string, NanpArea> {
  const map = new Map<string, NanpArea>();
  for (const [region, zone, codes] of AREAS) {
    for (const code of codes.split(' ')) {
      const tz = ZONE_OVERRIDES[code] ?? zone;
      map.set(code, tz ? { region, timeZone: tz } : { region });
    }
  }
  return map;
}

/** The state/province and zone of a US or Canadian area code (3 digits), if geographic. */
export function nanpArea(areaCode: string): NanpArea | undefined {
  index ??= build();
  return index.get(areaCode);
}
