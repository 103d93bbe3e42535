// The agency's contact details, from the service standard (shared/seed,
// a.2 "Pengaduan Online") and the former placeholder page.
export const CONTACTS = {
  email: 'dpmptspbangli@gmail.com',
  phoneDisplay: '(0366) 91267',
  phoneHref: 'tel:+6236691267',
  whatsappDisplay: '0812-3866-945',
  whatsappHref: 'https://wa.me/628123866945',
  web: 'https://dpmptsp.banglikab.go.id',
  webDisplay: 'dpmptsp.banglikab.go.id',
  lapor: 'https://www.lapor.go.id',
  laporDisplay: 'lapor.go.id',
} as const;
