// Public surface of the content module: berita, pengumuman, agenda, halaman, galeri and
// informasi publik, all scoped by unit and filtered by one visibility rule.
export { isPublicAt, PUBLIC_STATUSES } from './visibility.js';
export { sanitizeHtml, htmlToText, textToHtml, excerpt } from './sanitize-html.js';
export { saveContent, contentInputSchema, type ContentInput, type SaveContentResult, type SaveContentError } from './save-content.js';
export { setContentStatus } from './set-content-status.js';
export { deleteContent } from './delete-content.js';
export { listPublicContent, listBerandaContent, type ContentPage } from './list-public-content.js';
export { getPublicContent } from './get-public-content.js';
export { recentPublishers, nextScheduledPublish, type RecentPublisher } from './recent-publishers.js';
export { listPublicGalleries, getPublicGallery, createGallery, galleryInputSchema, galleryFormSchema, type GalleryInput, type GalleryWithPhotos } from './galleries.js';
export { listPublicDocuments, createDocument, setDocumentStatus, documentInputSchema, KIP_CATEGORIES, type DocumentInput } from './documents.js';
export { contentRepository, type ContentRow, type ContentListRow, type ContentCardRow, type GalleryRow, type PhotoRow, type DocumentRow } from './content-repository.js';
export { ownContentSource } from './own-content-source.js';
export { mediaInPublicUse } from './media-in-public-use.js';
export { saveContentAsStaff, setContentStatusAsStaff, addDocumentAsStaff, setDocumentStatusAsStaff, addGalleryAsStaff, publishGalleryAsStaff, type StaffEditDeps } from './staff-edits.js';
