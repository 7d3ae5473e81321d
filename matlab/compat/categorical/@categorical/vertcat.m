function c = vertcat(varargin)
%VERTCAT  [a; b]: the categories of a, then the new ones of b.
c = combine(1, varargin);
end
