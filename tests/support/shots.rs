//! Screenshots as pixels: PNG decoded to RGBA and back, for comparing shots pixel by pixel
//! and for putting a tall page together from viewport-high shots.

use std::error::Error;

/// A PNG's width, height and RGBA bytes, whatever its colour type.
pub fn rgba(bytes: &[u8]) -> Result<(u32, u32, Vec<u8>), Box<dyn Error>> {
    let mut decoder = png::Decoder::new(std::io::Cursor::new(bytes));
    decoder.set_transformations(png::Transformations::EXPAND | png::Transformations::STRIP_16);
    let mut reader = decoder.read_info()?;
    let mut buf = vec![0; reader.output_buffer_size().ok_or("a PNG too large")?];
    let info = reader.next_frame(&mut buf)?;
    buf.truncate(info.buffer_size());
    let pixels = (info.width * info.height) as usize;
    let rgba = match info.color_type {
        png::ColorType::Rgba => buf,
        png::ColorType::Rgb => buf
            .chunks_exact(3)
            .flat_map(|p| [p[0], p[1], p[2], 255])
            .collect(),
        png::ColorType::GrayscaleAlpha => buf
            .chunks_exact(2)
            .flat_map(|p| [p[0], p[0], p[0], p[1]])
            .collect(),
        png::ColorType::Grayscale => buf.iter().flat_map(|&g| [g, g, g, 255]).collect(),
        png::ColorType::Indexed => return Err("an indexed PNG after EXPAND".into()),
    };
    if rgba.len() != pixels * 4 {
        return Err(format!("decoded {} bytes for {pixels} pixels", rgba.len()).into());
    }
    Ok((info.width, info.height, rgba))
}

/// RGBA rows, `width` pixels each, as a PNG.
pub fn png_of(width: u32, rgba: &[u8]) -> Result<Vec<u8>, Box<dyn Error>> {
    let row = width as usize * 4;
    if row == 0 || rgba.len() % row != 0 {
        return Err(format!("{} bytes are not rows of {width} RGBA pixels", rgba.len()).into());
    }
    let height = (rgba.len() / row) as u32;
    let mut out = Vec::new();
    {
        let mut encoder = png::Encoder::new(&mut out, width, height);
        encoder.set_color(png::ColorType::Rgba);
        encoder.set_depth(png::BitDepth::Eight);
        let mut writer = encoder.write_header()?;
        writer.write_image_data(rgba)?;
    }
    Ok(out)
}

/// The `width` x `height` pixels at the top-left corner of an RGBA image `image_width` wide.
pub fn top_left(
    image: &[u8],
    image_width: u32,
    width: u32,
    height: u32,
) -> Result<Vec<u8>, Box<dyn Error>> {
    let (stride, row) = (image_width as usize * 4, width as usize * 4);
    if width > image_width || image.len() < stride * height as usize {
        return Err(format!(
            "a {image_width} px wide image of {} bytes has no {width} x {height} corner",
            image.len()
        )
        .into());
    }
    Ok((0..height as usize)
        .flat_map(|y| &image[y * stride..y * stride + row])
        .copied()
        .collect())
}
