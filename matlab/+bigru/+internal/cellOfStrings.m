function c = cellOfStrings(javaStrings)
%CELLOFSTRINGS  A Java String[] as a column cell array of char (internal).
%   Octave converts with cellstr, MATLAB with cell; an empty array may arrive as [].
if isempty(javaStrings) && ~ischar(javaStrings)
  c = cell(0, 1);
elseif iscellstr(javaStrings)
  c = javaStrings(:);
elseif ischar(javaStrings)
  c = {javaStrings};
else
  try
    c = cellstr(javaStrings);
  catch
    c = cell(javaStrings);
  end
  c = cellfun(@char, c(:), 'UniformOutput', false);
end
end
