function c = reshape(c, varargin)
%RESHAPE  The same elements in another shape, as reshape of a numeric array.
c.codes = reshape(c.codes, varargin{:});
end
